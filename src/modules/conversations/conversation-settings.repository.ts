import { eq } from 'drizzle-orm';
import type { Database } from '../../db/pool.ts';
import { municipalityConversationSettings } from './conversations.tables.ts';

/** What a child is told when the municipality has not set its own answer time. */
export const DEFAULT_REPLY_WITHIN_HOURS = 24;

/**
 * Within how many hours the municipality promises an answer. The settings are readable by anyone
 * (row-level security `public_read`), so no tenant scope is needed.
 */
export async function replyWithinHours(db: Database, municipalityCode: string): Promise<number> {
  const [row] = await db
    .select({ hours: municipalityConversationSettings.replyWithinHours })
    .from(municipalityConversationSettings)
    .where(eq(municipalityConversationSettings.municipalityCode, municipalityCode));
  return row?.hours ?? DEFAULT_REPLY_WITHIN_HOURS;
}
