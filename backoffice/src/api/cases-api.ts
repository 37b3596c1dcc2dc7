/**
 * Cases: list, one case with its timeline, the changes a responder makes to it, tasks, legal hold
 * and the municipality's case settings. Types come from the server's zod schemas (type-only).
 */
import type { z } from 'zod';
import type { caseSettingsViewSchema, caseSettingsSchema } from '../../../src/modules/cases/case-settings.schema.ts';
import type { taskSchema } from '../../../src/modules/cases/case-tasks.schema.ts';
import type {
  caseDetailSchema,
  caseListItemSchema,
  caseListQuerySchema,
  casePersonSchema,
  classificationListSchema,
  createCaseRequestSchema,
} from '../../../src/modules/cases/cases.schema.ts';
import { apiRequest, apiUrl } from './api-client.ts';

export type CaseListItem = z.infer<typeof caseListItemSchema>;
export type CaseDetail = z.infer<typeof caseDetailSchema>;
export type TimelineEntry = CaseDetail['timeline'][number];
export type CaseStatus = CaseDetail['status'];
export type CaseOrigin = CaseDetail['origin'];
export type ChildConsent = CaseDetail['childConsent'];
export type CaseAccess = CaseListItem['access'];
/** The origins a person can choose for a new case (a conversation's case starts from the conversation). */
export type NewCaseOrigin = z.input<typeof createCaseRequestSchema>['origin'];
export type CaseView = NonNullable<z.input<typeof caseListQuerySchema>['view']>;
export type Person = z.infer<typeof casePersonSchema>;
export type Classification = z.infer<typeof classificationListSchema>;
export type CaseTask = z.infer<typeof taskSchema>;
export type CaseSettings = z.infer<typeof caseSettingsSchema>;
export type CaseSettingsView = z.infer<typeof caseSettingsViewSchema>;

/**
 * The kinds of timeline entry the page has words for: the case_event_kind values and 'message' (the
 * linked conversation's messages). CONTRACT ASSUMPTION: the schema types `kind` as a string; an
 * unknown kind is shown with a neutral label.
 */
export const TIMELINE_KINDS = [
  'created',
  'note',
  'call',
  'status',
  'assignment',
  'consent',
  'meldcode',
  'referral',
  'classification',
  'task',
  'break_glass',
  'export',
  'legal_hold',
  'message',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const CASE_STATUSES: readonly CaseStatus[] = ['new', 'in_progress', 'referred', 'follow_up', 'closed'];
export const NEW_CASE_ORIGINS: readonly NewCaseOrigin[] = ['walk_in', 'phone', 'manual'];
export const CHILD_CONSENTS: readonly ChildConsent[] = ['not_asked', 'given', 'refused'];
/** The longest summary and the longest note (SUMMARY_MAX and TEXT_MAX in cases.schema.ts). */
export const SUMMARY_MAX_CHARS = 2000;
export const CASE_TEXT_MAX_CHARS = 5000;
/** A reason for breaking the glass needs this many characters (breakGlassRequestSchema). */
export const BREAK_GLASS_REASON_MIN_CHARS = 20;
/** The longest task title (TASK_TITLE_MAX_CHARS in case-tasks.schema.ts). */
export const TASK_TITLE_MAX_CHARS = 300;

const casePath = (id: string, rest = '') => `/cases/${encodeURIComponent(id)}${rest}`;

/** The first 8 characters of a case's id: how people refer to it ("dossier 1a2b3c4d"). */
export function caseReference(id: string): string {
  return id.slice(0, 8);
}

/** GET /api/v1/cases?view=mine|all — metadata only. */
export function fetchCases(view: CaseView): Promise<{ cases: CaseListItem[] }> {
  return apiRequest('GET', '/cases', { query: { view } });
}

/** POST /api/v1/cases — the user becomes its first assignee. */
export function createCase(origin: NewCaseOrigin, summary: string | undefined): Promise<{ id: string }> {
  return apiRequest('POST', '/cases', { body: { origin, ...(summary ? { summary } : {}) } });
}

/** POST /api/v1/conversations/{id}/case — the conversation's case, made when it has none. */
export function openConversationCase(conversationId: string): Promise<{ id: string }> {
  return apiRequest('POST', `/conversations/${encodeURIComponent(conversationId)}/case`);
}

/** GET /api/v1/cases/{id} — audited; a 403 case.access_denied means: break the glass first. */
export function fetchCase(id: string): Promise<CaseDetail> {
  return apiRequest('GET', casePath(id));
}

/** PATCH /api/v1/cases/{id} — the short summary (encrypted on the server). */
export function saveSummary(id: string, summary: string): Promise<CaseDetail> {
  return apiRequest('PATCH', casePath(id), { body: { summary: summary || null } });
}

/** POST /api/v1/cases/{id}/status — closing needs a category (classification) and an outcome. */
export function changeStatus(id: string, status: CaseStatus, outcome?: string): Promise<CaseDetail> {
  return apiRequest('POST', casePath(id, '/status'), { body: { status, ...(outcome ? { outcome } : {}) } });
}

export function addAssignee(id: string, userId: string): Promise<CaseDetail> {
  return apiRequest('POST', casePath(id, '/assignees'), { body: { userId } });
}

export function removeAssignee(id: string, userId: string): Promise<CaseDetail> {
  return apiRequest('DELETE', casePath(id, `/assignees/${encodeURIComponent(userId)}`));
}

/** POST /api/v1/cases/{id}/events — a note or a phone call on the timeline. */
export function addCaseEvent(id: string, kind: 'note' | 'call', text: string): Promise<CaseDetail> {
  return apiRequest('POST', casePath(id, '/events'), { body: { kind, text } });
}

export function saveConsent(id: string, consent: ChildConsent, note: string | undefined): Promise<CaseDetail> {
  return apiRequest('PUT', casePath(id, '/consent'), { body: { consent, ...(note ? { note } : {}) } });
}

export function saveClassification(id: string, category: string, subcategory: string | null): Promise<CaseDetail> {
  return apiRequest('PUT', casePath(id, '/classification'), { body: { category, subcategory } });
}

/** GET /api/v1/cases/classification — Child Helpline International categories and outcomes. */
export function fetchClassification(): Promise<Classification> {
  return apiRequest('GET', '/cases/classification');
}

/** GET /api/v1/cases/assignees — active responders and coordinators of the municipality. */
export function fetchCaseAssignees(): Promise<{ assignees: Person[] }> {
  return apiRequest('GET', '/cases/assignees');
}

/** POST /api/v1/cases/{id}/break-glass — access for 8 hours; recorded, and the coordinator is told. */
export function breakGlass(id: string, reason: string): Promise<CaseDetail> {
  return apiRequest('POST', casePath(id, '/break-glass'), { body: { reason } });
}

export function fetchTasks(id: string): Promise<{ tasks: CaseTask[] }> {
  return apiRequest('GET', casePath(id, '/tasks'));
}

export function addTask(
  id: string,
  task: { title: string; dueAt: string; assigneeUserId: string | null },
): Promise<CaseTask> {
  return apiRequest('POST', casePath(id, '/tasks'), { body: task });
}

export function markTaskDone(id: string, taskId: string): Promise<CaseTask> {
  return apiRequest('POST', casePath(id, `/tasks/${encodeURIComponent(taskId)}/done`));
}

/** PUT /api/v1/cases/{id}/legal-hold — coordinator only; destruction waits while it holds. */
export function setLegalHold(id: string, reason: string): Promise<void> {
  return apiRequest('PUT', casePath(id, '/legal-hold'), { body: { reason } });
}

export function liftLegalHold(id: string): Promise<void> {
  return apiRequest('DELETE', casePath(id, '/legal-hold'));
}

/** The address of the case file as PDF (a plain link: the browser downloads it with the session cookie). */
export function caseExportUrl(id: string): string {
  return apiUrl(casePath(id, '/export.pdf'));
}

export function fetchCaseSettings(): Promise<CaseSettingsView> {
  return apiRequest('GET', '/case-settings');
}

export function saveCaseSettings(settings: CaseSettings): Promise<CaseSettings> {
  return apiRequest('PUT', '/case-settings', { body: settings });
}
