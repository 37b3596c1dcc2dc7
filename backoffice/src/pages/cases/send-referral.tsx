import { useState, type FormEvent } from 'react';
import { sendReferral, type Referral } from '../../api/referrals-api.ts';
import { FormErrorAlert, LiveRegion, Notice } from '../../components/alerts.tsx';
import { Button, ButtonGroup } from '../../components/buttons.tsx';
import { SectionHeading } from '../../components/headings.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApiForm } from '../../components/use-api-form.ts';
import { useTranslate } from '../../i18n/use-translate.ts';

interface SendReferralProps {
  caseId: string;
  referral: Referral;
  recipient: string;
  onSent: () => void;
  onClose: () => void;
}

/**
 * "Versturen": makes the receiving party's secure link and, with an e-mail address, mails it (the mail
 * carries no content). The link is shown once, with a copy button; the server does not keep it.
 */
export function SendReferral({ caseId, referral, recipient, onSent, onClose }: SendReferralProps) {
  const t = useTranslate();
  const form = useApiForm(['email'] as const);
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<{ link: string; emailed: boolean }>();
  const [copied, setCopied] = useState<string>();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = email.trim();
    void form.submit(
      async () => {
        const answer = await sendReferral(caseId, referral.id, trimmed || undefined);
        setSent({ link: answer.link, emailed: answer.emailed });
        onSent();
      },
      { email: trimmed && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed) ? t('referrals.emailInvalid') : undefined },
    );
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(sent?.link ?? '');
      setCopied(t('referrals.linkCopied'));
    } catch {
      setCopied(t('referrals.linkCopyFailed'));
    }
  }

  return (
    <section
      className="od-panel od-panel--quiet"
      id="verwijzing-versturen"
      aria-labelledby="verwijzing-versturen-titel"
    >
      {/* Focus moves to the heading when the panel opens and again when the link is shown. */}
      <SectionHeading level={3} id="verwijzing-versturen-titel" focusOnMount focusRequest={sent ? 1 : 0}>
        {t('referrals.sendTitle', { name: recipient })}
      </SectionHeading>
      {sent ? (
        <>
          <Notice type="ok">
            <p className="nl-paragraph">{t(sent.emailed ? 'referrals.sentByMail' : 'referrals.sentNoMail')}</p>
          </Notice>
          <p className="nl-paragraph">{t('referrals.linkOnce')}</p>
          <p className="nl-paragraph od-secret" id="verwijzing-link">
            {sent.link}
          </p>
          <ButtonGroup>
            <Button appearance="primary" aria-describedby="verwijzing-link" onClick={() => void copy()}>
              {t('referrals.copyLink')}
            </Button>
            <Button appearance="subtle" onClick={onClose}>
              {t('referrals.done')}
            </Button>
          </ButtonGroup>
          <LiveRegion>{copied && <p className="nl-paragraph">{copied}</p>}</LiveRegion>
        </>
      ) : (
        <form noValidate onSubmit={onSubmit}>
          <p className="nl-paragraph">{t('referrals.sendIntro')}</p>
          <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
          <TextField
            id={form.fieldId('email')}
            type="email"
            autoComplete="off"
            label={t('referrals.email')}
            description={t('referrals.emailHint')}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={form.fieldErrors.email}
          />
          <ButtonGroup>
            <Button type="submit" appearance="primary" busy={form.busy}>
              {t('referrals.sendSubmit')}
            </Button>
            <Button appearance="subtle" onClick={onClose}>
              {t('action.cancel')}
            </Button>
          </ButtonGroup>
        </form>
      )}
    </section>
  );
}
