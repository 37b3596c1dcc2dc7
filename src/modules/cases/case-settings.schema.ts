import { z } from 'zod';

/** A municipality's case settings: retention after closing (months) and when a case counts as untouched (days). */
export const caseSettingsSchema = z.object({
  /** Months a closed case that was referred or reported is kept. */
  retentionMonthsReferred: z.number({ error: 'must be a number' }),
  /** Months any other closed case is kept. */
  retentionMonthsOther: z.number({ error: 'must be a number' }),
  /** A case not touched for this many days is flagged to the coordinator. */
  staleAfterDays: z.number({ error: 'must be a number' }),
});
export type CaseSettings = z.infer<typeof caseSettingsSchema>;

/** GET /api/v1/case-settings adds whether these are the documented defaults (nothing set yet). */
export const caseSettingsViewSchema = caseSettingsSchema.extend({ isDefault: z.boolean() });
export type CaseSettingsView = z.infer<typeof caseSettingsViewSchema>;
