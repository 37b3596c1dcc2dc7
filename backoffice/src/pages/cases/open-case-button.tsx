import { useState } from 'react';
import { useNavigate } from 'react-router';
import { openConversationCase } from '../../api/cases-api.ts';
import { ErrorAlert } from '../../components/alerts.tsx';
import { Button, ButtonGroup } from '../../components/buttons.tsx';
import { errorText } from '../../components/error-text.ts';
import { useTranslate } from '../../i18n/use-translate.ts';

/**
 * "Dossier openen" on a conversation: goes to the conversation's case, made first when it has none
 * (the user becomes an assignee).
 */
export function OpenCaseButton({ conversationId }: { conversationId: string }) {
  const t = useTranslate();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function open() {
    setBusy(true);
    setError(undefined);
    try {
      const { id } = await openConversationCase(conversationId);
      await navigate(`/dossiers/${id}`);
    } catch (failure) {
      setError(errorText(failure, t));
      setBusy(false);
    }
  }

  return (
    <>
      {error && <ErrorAlert>{error}</ErrorAlert>}
      <ButtonGroup>
        <Button busy={busy} onClick={() => void open()}>
          {t('cases.openFromConversation')}
        </Button>
      </ButtonGroup>
    </>
  );
}
