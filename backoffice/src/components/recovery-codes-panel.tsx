import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslate } from '../i18n/use-translate.ts';
import { LiveRegion, Notice } from './alerts.tsx';
import { Button, ButtonGroup } from './buttons.tsx';
import { CheckboxField } from './checkbox-field.tsx';
import { SectionHeading } from './headings.tsx';

interface RecoveryCodesPanelProps {
  codes: readonly string[];
  headingLevel: 2 | 3;
  /** Called once the user confirms they wrote the codes down. */
  onDone: () => void;
}

/**
 * The new recovery codes, shown this once: copy, download or write them down, then confirm. Focus
 * moves to its heading when it appears, because it replaces the step the user was in.
 */
export function RecoveryCodesPanel({ codes, headingLevel, onDone }: RecoveryCodesPanelProps) {
  const t = useTranslate();
  const id = useId();
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string>();
  const [copied, setCopied] = useState<'yes' | 'failed'>();

  const text = codes.join('\n');
  const downloadUrl = useMemo(() => URL.createObjectURL(new Blob([`${text}\n`], { type: 'text/plain' })), [text]);
  useEffect(() => () => URL.revokeObjectURL(downloadUrl), [downloadUrl]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }

  return (
    <section className="od-panel" aria-labelledby={`${id}-heading`}>
      <SectionHeading level={headingLevel} id={`${id}-heading`} focusOnMount>
        {t('recovery.heading')}
      </SectionHeading>
      <Notice type="warning">
        <p className="nl-paragraph">{t('recovery.onlyOnce')}</p>
      </Notice>
      <p className="nl-paragraph">{t('recovery.explanation', { count: codes.length })}</p>
      <ol className="od-recovery-codes" aria-label={t('recovery.listLabel')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <ButtonGroup>
        <Button onClick={() => void copy()}>{t('recovery.copy')}</Button>
        <a
          className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
          href={downloadUrl}
          download="opendeur-herstelcodes.txt"
        >
          {t('recovery.download')}
        </a>
      </ButtonGroup>
      <LiveRegion>
        {copied && <p className="nl-paragraph">{t(copied === 'yes' ? 'recovery.copied' : 'recovery.copyFailed')}</p>}
      </LiveRegion>
      <CheckboxField
        id={`${id}-confirm`}
        label={t('recovery.writtenDown')}
        checked={confirmed}
        onChange={(checked) => {
          setConfirmed(checked);
          if (checked) setError(undefined);
        }}
        error={error}
      />
      <ButtonGroup>
        <Button
          appearance="primary"
          onClick={() => {
            if (confirmed) onDone();
            else {
              setError(t('recovery.confirmFirst'));
              document.getElementById(`${id}-confirm`)?.focus();
            }
          }}
        >
          {t('action.continue')}
        </Button>
      </ButtonGroup>
    </section>
  );
}
