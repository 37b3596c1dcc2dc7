/** The inbox of children's messages: list, read, reply, internal notes, assign, close and reopen. */
import type { z } from 'zod';
import type {
  assigneeListSchema,
  conversationDetailViewSchema,
  inboxViewSchema,
} from '../../../src/modules/conversations/conversations.schema.ts';
import { apiRequest, apiUrl } from './api-client.ts';

export type InboxView = z.infer<typeof inboxViewSchema>;
export type InboxItem = InboxView['conversations'][number];
export type ConversationDetail = z.infer<typeof conversationDetailViewSchema>;
export type ConversationStatus = ConversationDetail['status'];
export type AgeRange = NonNullable<ConversationDetail['ageRange']>;
export type AssigneeList = z.infer<typeof assigneeListSchema>;
export type InboxFilter = ConversationStatus | 'all';

export const CONVERSATION_STATUSES: readonly ConversationStatus[] = ['new', 'open', 'waiting', 'closed'];
export const AGE_RANGES: readonly AgeRange[] = ['under_12', '12_15', '16_18', 'over_18'];
/** The longest message the API takes (MESSAGE_MAX_CHARS on the server). */
export const MESSAGE_MAX_CHARS = 5000;

/** The address of the live stream (server-sent events) of the user's municipality. */
export const CONVERSATION_EVENTS_URL = apiUrl('/conversations/events');

/** GET /api/v1/conversations?status=… */
export function fetchInbox(status: InboxFilter): Promise<InboxView> {
  return apiRequest('GET', '/conversations', { query: { status } });
}

/** GET /api/v1/conversations/assignees — active responders and coordinators of the municipality. */
export function fetchAssignees(): Promise<AssigneeList> {
  return apiRequest('GET', '/conversations/assignees');
}

/** GET /api/v1/conversations/{id} — the server audits every read. */
export function fetchConversation(id: string): Promise<ConversationDetail> {
  return apiRequest('GET', `/conversations/${encodeURIComponent(id)}`);
}

/** POST /api/v1/conversations/{id}/replies — the child reads it with their code. */
export function replyToChild(id: string, body: string): Promise<ConversationDetail> {
  return apiRequest('POST', `/conversations/${encodeURIComponent(id)}/replies`, { body: { body } });
}

/** POST /api/v1/conversations/{id}/notes — for the team only, never shown to the child. */
export function addNote(id: string, body: string): Promise<ConversationDetail> {
  return apiRequest('POST', `/conversations/${encodeURIComponent(id)}/notes`, { body: { body } });
}

/** POST /api/v1/conversations/{id}/assign — null: assigned to nobody. */
export function assignConversation(id: string, userId: string | null): Promise<ConversationDetail> {
  return apiRequest('POST', `/conversations/${encodeURIComponent(id)}/assign`, { body: { userId } });
}

/** POST /api/v1/conversations/{id}/close or /reopen */
export function setConversationClosed(id: string, closed: boolean): Promise<ConversationDetail> {
  return apiRequest('POST', `/conversations/${encodeURIComponent(id)}/${closed ? 'close' : 'reopen'}`);
}
