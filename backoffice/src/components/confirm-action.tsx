import { useEffect, useRef, useState } from 'react';
import { useTranslate } from '../i18n/use-translate.ts';
import { Button } from './buttons.tsx';

interface ConfirmActionProps {
  /** The button's text, e.g. "Deactivate". */
  label: string;
  /** Names what the action is for (e.g. "Deactivate Jan de Vries"), for screen readers. */
  accessibleLabel?: string;
  /** The question shown after the first press. */
  question: string;
  onConfirm: () => Promise<void> | void;
  busy?: boolean;
}

/**
 * A destructive action in two presses: the button, then "Yes, …" next to a question. No browser
 * dialog (its language and styling are not ours); focus moves to the question's answer and back.
 */
export function ConfirmAction({ label, accessibleLabel, question, onConfirm, busy = false }: ConfirmActionProps) {
  const t = useTranslate();
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLSpanElement>(null);
  const triggerRef = useRef<HTMLSpanElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (asking) confirmRef.current?.querySelector('button')?.focus();
    else if (returnFocus.current) triggerRef.current?.querySelector('button')?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <span ref={triggerRef}>
        <Button appearance="danger" aria-label={accessibleLabel} onClick={() => setAsking(true)}>
          {label}
        </Button>
      </span>
    );
  }
  return (
    <span ref={confirmRef} className="od-confirm">
      <span className="od-confirm__question">{question}</span>
      <Button
        appearance="danger"
        busy={busy}
        onClick={() => {
          void (async () => {
            await onConfirm();
            returnFocus.current = true;
            setAsking(false);
          })();
        }}
      >
        {t('action.confirmYes', { action: label.toLocaleLowerCase() })}
      </Button>
      <Button
        appearance="subtle"
        onClick={() => {
          returnFocus.current = true;
          setAsking(false);
        }}
      >
        {t('action.cancel')}
      </Button>
    </span>
  );
}
