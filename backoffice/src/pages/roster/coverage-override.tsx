import { useState } from 'react';
import { ApiError } from '../../api/api-client.ts';
import { TextField } from '../../components/text-field.tsx';
import { useTranslate } from '../../i18n/use-translate.ts';

/** The server's refusal of a change that would leave an active municipality uncovered. */
const GAPS_WHILE_ACTIVE = 'roster.gaps_while_active';

/** The state of one roster change's "keep it active anyway" question. */
export interface CoverageOverride {
  /** The server refused the last try for gaps: the reason field is shown. */
  asked: boolean;
  reason: string;
  setReason: (reason: string) => void;
  /**
   * Runs a roster change with the written reason (once asked and filled in). A refusal for gaps opens
   * the question and is thrown on, so the form shows the server's message with the periods.
   */
  run: (change: (reason: string | undefined) => Promise<unknown>) => Promise<void>;
}

/**
 * A roster change on an active municipality may be refused because it leaves gaps; the coordinator
 * may then fill them, or save again with a written reason (recorded as the coverage override).
 */
export function useCoverageOverride(): CoverageOverride {
  const [asked, setAsked] = useState(false);
  const [reason, setReason] = useState('');
  async function run(change: (reason: string | undefined) => Promise<unknown>) {
    try {
      await change(asked && reason.trim() ? reason.trim() : undefined);
      setAsked(false);
      setReason('');
    } catch (error) {
      if (error instanceof ApiError && error.id === GAPS_WHILE_ACTIVE) setAsked(true);
      throw error;
    }
  }
  return { asked, reason, setReason, run };
}

/** The reason field, shown only after a refusal for gaps. */
export function CoverageOverrideField({ id, override }: { id: string; override: CoverageOverride }) {
  const t = useTranslate();
  if (!override.asked) return null;
  return (
    <TextField
      id={id}
      label={t('roster.keepActive.reason')}
      description={t('roster.keepActive.hint')}
      value={override.reason}
      onChange={(event) => override.setReason(event.target.value)}
      maxLength={1000}
    />
  );
}
