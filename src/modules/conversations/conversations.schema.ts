import { z } from 'zod';
import { AGE_RANGES, CONTACT_PREFERENCES, MESSAGE_MAX_CHARS } from './conversations.types.ts';

/**
 * The back office's API contract for the inbox of children's messages (JSON under
 * /api/v1/conversations). The services build these views; the OpenAPI document is generated from them.
 */

export const conversationStatusSchema = z.enum(['new', 'open', 'waiting', 'closed']);
export const ageRangeSchema = z.enum(AGE_RANGES);
export const contactPreferenceSchema = z.enum(CONTACT_PREFERENCES);

/** A staff member a conversation is (or may be) assigned to. */
export const assigneeSchema = z.object({ id: z.string().uuid(), displayName: z.string() });

/** One conversation in the inbox: no content and no name, since reading those is audited. */
export const inboxItemSchema = z.object({
  id: z.string().uuid(),
  status: conversationStatusSchema,
  ageRange: ageRangeSchema.nullable(),
  contactPreference: contactPreferenceSchema,
  createdAt: z.string(),
  lastChildMessageAt: z.string(),
  lastStaffReplyAt: z.string().nullable(),
  assignedTo: assigneeSchema.nullable(),
  /** Whether the reader has not seen the latest message from the child yet. */
  unread: z.boolean(),
  messageCount: z.number().int(),
});

/** GET /api/v1/conversations — sorted: new first, then the latest child message first. */
export const inboxViewSchema = z.object({ conversations: z.array(inboxItemSchema) });
export type InboxView = z.infer<typeof inboxViewSchema>;

/** GET /api/v1/conversations/:id — the whole conversation, with the team's internal notes. */
export const conversationDetailViewSchema = z.object({
  id: z.string().uuid(),
  status: conversationStatusSchema,
  name: z.string().nullable(),
  ageRange: ageRangeSchema.nullable(),
  contact: z.object({ preference: contactPreferenceSchema, detail: z.string().nullable() }),
  assignedTo: assigneeSchema.nullable(),
  createdAt: z.string(),
  messages: z.array(
    z.object({
      id: z.string().uuid(),
      author: z.enum(['child', 'staff']),
      /** The staff member's name; null for the child. */
      authorName: z.string().nullable(),
      body: z.string(),
      createdAt: z.string(),
    }),
  ),
  notes: z.array(z.object({ id: z.string().uuid(), authorName: z.string(), body: z.string(), createdAt: z.string() })),
});
export type ConversationDetailView = z.infer<typeof conversationDetailViewSchema>;

/** GET /api/v1/conversations/assignees — who a conversation can be assigned to. */
export const assigneeListSchema = z.object({ assignees: z.array(assigneeSchema) });

/** Query of the inbox: one status, or all (the default is up to the service). */
export const inboxQuerySchema = z.object({ status: z.enum(['new', 'open', 'waiting', 'closed', 'all']).optional() });

/** POST /api/v1/conversations/:id/replies and /notes. */
export const messageBodyRequestSchema = z.object({
  body: z
    .string({ error: 'must be text' })
    .trim()
    .min(1, 'must not be empty')
    .max(MESSAGE_MAX_CHARS, `must be at most ${MESSAGE_MAX_CHARS} characters`),
});

/** POST /api/v1/conversations/:id/assign — null takes the assignment away. */
export const assignRequestSchema = z.object({
  userId: z.string({ error: 'must be a user id or null' }).uuid('must be a user id or null').nullable(),
});

/** The `:id` of a conversation route. */
export const conversationParamsSchema = z.object({ id: z.string() });
