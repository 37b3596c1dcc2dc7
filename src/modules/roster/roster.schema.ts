import { z } from 'zod';
import { municipalityCodeSchema } from '../accounts/accounts.schema.ts';

const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?$/, 'YYYY-MM-DD HH:MM (Europe/Amsterdam)');
const minuteOfDay = z.number().int().min(0).max(1439);

/**
 * The coordinator's written reason to keep an active municipality active although this change leaves
 * the roster with gaps (audited; it becomes the coverage override). Empty means none.
 */
const coverageOverrideReason = z.string().trim().max(1000).optional();

/** One shift of the weekly pattern; end ≤ start means it ends the next day. */
export const shiftSchema = z.object({
  weekday: z.number().int().min(1).max(7),
  startMinute: minuteOfDay,
  endMinute: minuteOfDay,
  userId: z.string().uuid(),
  role: z.enum(['on_duty', 'deputy']),
});

export const shiftsRequestSchema = z.object({ shifts: z.array(shiftSchema).max(200), coverageOverrideReason });

/** Leave (replacementUserId null) or a swap, for a local period. */
export const exceptionRequestSchema = z
  .object({
    userId: z.string().uuid(),
    replacementUserId: z.string().uuid().nullable(),
    startsLocal: localDateTime,
    endsLocal: localDateTime,
    reason: z.string().trim().max(200).optional(),
    coverageOverrideReason,
  })
  .refine((value) => value.endsLocal.replace('T', ' ') > value.startsLocal.replace('T', ' '), {
    message: 'ends after it starts',
    path: ['endsLocal'],
  });

export const chainRequestSchema = z.object({ userIds: z.array(z.string().uuid()).max(20), coverageOverrideReason });

/** Removing an exception has no body: the override reason travels in the query. */
export const removeExceptionQuerySchema = z.object({ coverageOverrideReason });

export const settingsRequestSchema = z.object({
  escalationMinutes: z.number().int().min(1).max(240),
  responseTargetMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60),
  fallbackAgreed: z.string().trim().max(500).nullable(),
  phones: z
    .array(z.object({ userId: z.string().uuid(), phone: z.string().trim().max(40).nullable() }))
    .max(100)
    .optional(),
  coverageOverrideReason,
});

export const overrideRequestSchema = z.object({ reason: z.string().trim().min(1).max(1000).nullable() });

const staffRefSchema = z.object({
  id: z.string().uuid(),
  displayName: z.string(),
  email: z.string(),
  phone: z.string().nullable().optional(),
});

const periodSchema = z.object({
  start: z.string(),
  end: z.string(),
  startLocal: z.string(),
  endLocal: z.string(),
  coveredByFallback: z.boolean(),
});

/** Everything the roster page shows. */
export const rosterViewSchema = z.object({
  municipalityCode: municipalityCodeSchema,
  team: z.array(staffRefSchema),
  shifts: z.array(shiftSchema.extend({ id: z.string().uuid() })),
  exceptions: z.array(
    z.object({
      id: z.string().uuid(),
      userId: z.string().uuid(),
      replacementUserId: z.string().uuid().nullable(),
      startsLocal: z.string(),
      endsLocal: z.string(),
      reason: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  chain: z.array(z.string().uuid()),
  settings: z.object({
    escalationMinutes: z.number().int(),
    responseTargetMinutes: z.number().int(),
    fallbackAgreed: z.string().nullable(),
    coverageOverrideReason: z.string().nullable(),
    coverageOverrideBy: z.string().nullable(),
    coverageOverrideAt: z.string().nullable(),
  }),
  coverage: z.object({
    periods: z.array(periodSchema),
    fallbackAgreed: z.string().nullable(),
    overrideReason: z.string().nullable(),
    covered: z.boolean(),
    mayBeActive: z.boolean(),
  }),
});

/** Response figures per ISO week, in minutes. */
export const figuresSchema = z.object({
  weeks: z.array(
    z.object({
      week: z.string(),
      conversations: z.number().int(),
      replied: z.number().int(),
      firstReplyMedian: z.number().nullable(),
      firstReplyP90: z.number().nullable(),
      alerts: z.number().int().nullable(),
      acknowledgeMedian: z.number().nullable(),
      acknowledgeP90: z.number().nullable(),
    }),
  ),
});

export const codeParams = z.object({ code: municipalityCodeSchema });
export const exceptionParams = z.object({ code: municipalityCodeSchema, id: z.string().uuid() });
