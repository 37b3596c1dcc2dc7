import { useState, type FormEvent } from 'react';
import { ErrorAlert, FormErrorAlert, LiveRegion, Notice } from '../../components/alerts.tsx';
import { Button } from '../../components/buttons.tsx';
import { PageHeading, SectionHeading } from '../../components/headings.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApiData } from '../../components/use-api-data.ts';
import { useApiForm } from '../../components/use-api-form.ts';
import { useFormatDateTime, useTranslate } from '../../i18n/use-translate.ts';
import {
  approveApplication,
  fetchApplications,
  recordPhoneCheck,
  rejectApplication,
  type Application,
} from './programme-api.ts';

/**
 * The national coordinator's list of applications: who applied for which municipality, whether the
 * e-mail address is confirmed and looks like the municipality's own, the phone check, the decision.
 */
export function ApplicationsPage() {
  const t = useTranslate();
  const list = useApiData(fetchApplications, 'applications');
  const [status, setStatus] = useState<string>();
  const open = list.data?.applications.filter((row) => row.status === 'submitted' || row.status === 'email_verified');
  const decided = list.data?.applications.filter((row) => row.status === 'approved' || row.status === 'rejected');
  const done = (message: string) => {
    setStatus(message);
    list.reload();
  };
  return (
    <>
      <PageHeading>{t('programme.applications.title')}</PageHeading>
      <p className="nl-paragraph od-lead">{t('programme.applications.intro')}</p>
      <LiveRegion>{status && <Notice type="ok">{status}</Notice>}</LiveRegion>
      {list.error && <ErrorAlert>{list.error}</ErrorAlert>}
      {!list.data && !list.error && <p className="nl-paragraph">{t('app.loading')}</p>}
      {open && (
        <section aria-labelledby="open-aanmeldingen" className="od-sections">
          <SectionHeading level={2} id="open-aanmeldingen">
            {t('programme.applications.open', { count: open.length })}
          </SectionHeading>
          {open.length === 0 && <p className="nl-paragraph">{t('programme.applications.none')}</p>}
          {open.map((application) => (
            <ApplicationCard key={application.id} application={application} onDone={done} />
          ))}
        </section>
      )}
      {decided && decided.length > 0 && (
        <section aria-labelledby="besloten-aanmeldingen" className="od-sections">
          <SectionHeading level={2} id="besloten-aanmeldingen">
            {t('programme.applications.decided')}
          </SectionHeading>
          {decided.map((application) => (
            <ApplicationCard key={application.id} application={application} onDone={done} />
          ))}
        </section>
      )}
    </>
  );
}

function ApplicationCard({ application, onDone }: { application: Application; onDone: (message: string) => void }) {
  const t = useTranslate();
  const formatDateTime = useFormatDateTime();
  const headingId = `aanmelding-${application.id}`;
  const open = application.status === 'submitted' || application.status === 'email_verified';
  return (
    <article className="od-card" aria-labelledby={headingId}>
      <SectionHeading level={3} id={headingId}>
        {t('programme.applications.cardTitle', {
          municipality: application.municipalityName,
          name: application.applicantName,
        })}
      </SectionHeading>
      {application.domainWarning && (
        <Notice type="warning">{t('programme.applications.domainWarning', { email: application.email })}</Notice>
      )}
      <dl className="od-facts">
        <dt>{t('programme.applications.role')}</dt>
        <dd>{t(application.applicantRole === 'mayor' ? 'programme.role.mayor' : 'programme.role.official')}</dd>
        <dt>{t('programme.applications.email')}</dt>
        <dd>{application.email}</dd>
        <dt>{t('programme.applications.phone')}</dt>
        <dd>{application.phone}</dd>
        <dt>{t('programme.applications.status')}</dt>
        <dd>{t(`programme.status.${application.status}`)}</dd>
        <dt>{t('programme.applications.applied')}</dt>
        <dd>{formatDateTime(application.createdAt)}</dd>
        {application.phoneCheckedAt && (
          <>
            <dt>{t('programme.applications.phoneCheck')}</dt>
            <dd>
              {formatDateTime(application.phoneCheckedAt)}: {application.phoneCheckNote}
            </dd>
          </>
        )}
        {application.decisionNote && (
          <>
            <dt>{t('programme.applications.reason')}</dt>
            <dd>{application.decisionNote}</dd>
          </>
        )}
      </dl>
      {open && <Decisions application={application} onDone={onDone} />}
    </article>
  );
}

function Decisions({ application, onDone }: { application: Application; onDone: (message: string) => void }) {
  const t = useTranslate();
  const phone = useApiForm(['note'] as const);
  const decide = useApiForm(['reason'] as const);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const ready = application.status === 'email_verified' && application.phoneCheckedAt !== null;

  function onPhone(event: FormEvent) {
    event.preventDefault();
    void phone.submit(
      async () => {
        await recordPhoneCheck(application.id, note.trim());
        onDone(t('programme.applications.phoneRecorded'));
      },
      note.trim() === '' ? { note: t('programme.applications.noteMissing') } : {},
    );
  }
  function onApprove() {
    void decide.submit(async () => {
      const result = await approveApplication(application.id);
      onDone(
        t(result.invited ? 'programme.applications.approved' : 'programme.applications.approvedKnown', {
          email: application.email,
        }),
      );
    });
  }
  function onReject(event: FormEvent) {
    event.preventDefault();
    void decide.submit(
      async () => {
        await rejectApplication(application.id, reason.trim());
        onDone(t('programme.applications.rejected'));
      },
      reason.trim() === '' ? { reason: t('programme.applications.reasonMissing') } : {},
    );
  }

  return (
    <>
      <form onSubmit={onPhone} noValidate aria-label={t('programme.applications.phoneForm')}>
        <FormErrorAlert message={phone.formError} alertRef={phone.alertRef} />
        <TextField
          id={phone.fieldId('note')}
          label={t('programme.applications.noteLabel')}
          description={t('programme.applications.noteHint')}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          error={phone.fieldErrors.note}
          maxLength={2000}
        />
        <Button type="submit" busy={phone.busy}>
          {t('programme.applications.recordPhone')}
        </Button>
      </form>
      <FormErrorAlert message={decide.formError} alertRef={decide.alertRef} />
      {!ready && <p className="nl-paragraph">{t('programme.applications.notReady')}</p>}
      {ready && (
        <p className="nl-paragraph">
          <Button appearance="primary" onClick={onApprove} busy={decide.busy}>
            {t('programme.applications.approve')}
          </Button>
        </p>
      )}
      <form onSubmit={onReject} noValidate aria-label={t('programme.applications.rejectForm')}>
        <TextField
          id={decide.fieldId('reason')}
          label={t('programme.applications.reasonLabel')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={decide.fieldErrors.reason}
          maxLength={2000}
        />
        <Button type="submit" appearance="danger" busy={decide.busy}>
          {t('programme.applications.reject')}
        </Button>
      </form>
    </>
  );
}
