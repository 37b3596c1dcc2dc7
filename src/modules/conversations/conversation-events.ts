import { TenantEvents } from '../../db/tenant-events.ts';

/** The channel the conversation triggers notify on (migration 0010). */
export const CONVERSATIONS_CHANNEL = 'opendeur_conversations';

/** What the conversation triggers report; the id is the conversation's. */
export const CONVERSATION_EVENT_KINDS = [
  'created',
  'updated',
  'deleted',
  'child_message',
  'staff_message',
  'note',
] as const;

/** Live conversation events of every instance, per municipality (see TenantEvents). */
export class ConversationEvents extends TenantEvents<(typeof CONVERSATION_EVENT_KINDS)[number]> {
  constructor() {
    super(CONVERSATIONS_CHANNEL, CONVERSATION_EVENT_KINDS);
  }
}
