import { and, asc, eq, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/tenant.ts';
import { readinessItems, readinessProgress } from './programme.tables.ts';

const itemColumns = {
  id: readinessItems.id,
  key: readinessItems.key,
  title: readinessItems.title,
  description: readinessItems.description,
  position: readinessItems.position,
  active: readinessItems.active,
};

/** Every checklist item, in order. */
export async function listItems(tx: Transaction) {
  return tx.select(itemColumns).from(readinessItems).orderBy(asc(readinessItems.position), asc(readinessItems.title));
}

/** One item. */
export async function findItem(tx: Transaction, id: string) {
  const [row] = await tx.select(itemColumns).from(readinessItems).where(eq(readinessItems.id, id));
  return row;
}

/** Adds an item; answers its id. */
export async function insertItem(
  tx: Transaction,
  item: { title: string; description: string; position: number; active: boolean },
  now: Date,
): Promise<string> {
  const [row] = await tx
    .insert(readinessItems)
    .values({ ...item, updatedAt: now })
    .returning({ id: readinessItems.id });
  return row!.id;
}

/** Changes an item; false when it does not exist. */
export async function updateItem(
  tx: Transaction,
  id: string,
  item: { title: string; description: string; position: number; active: boolean },
  now: Date,
): Promise<boolean> {
  const rows = await tx
    .update(readinessItems)
    .set({ ...item, updatedAt: now })
    .where(eq(readinessItems.id, id))
    .returning({ id: readinessItems.id });
  return rows.length > 0;
}

/** A municipality's ticked items (row-level security: its own scope or national). */
export async function listProgress(tx: Transaction, code: string) {
  return tx
    .select({
      itemId: readinessProgress.itemId,
      doneAt: readinessProgress.doneAt,
      note: readinessProgress.note,
      hasPhoto: sql<boolean>`${readinessProgress.photo} IS NOT NULL`,
    })
    .from(readinessProgress)
    .where(eq(readinessProgress.municipalityCode, code));
}

/** Ticks an item (again): the latest note and photo replace earlier ones. */
export async function upsertProgress(
  tx: Transaction,
  row: {
    municipalityCode: string;
    itemId: string;
    doneAt: Date;
    doneBy: string;
    note: string | null;
    photo: Buffer | null;
    photoType: string | null;
  },
): Promise<void> {
  await tx
    .insert(readinessProgress)
    .values(row)
    .onConflictDoUpdate({
      target: [readinessProgress.municipalityCode, readinessProgress.itemId],
      set: { doneAt: row.doneAt, doneBy: row.doneBy, note: row.note, photo: row.photo, photoType: row.photoType },
    });
}

/** Unticks an item; false when it was not ticked. */
export async function deleteProgress(tx: Transaction, code: string, itemId: string): Promise<boolean> {
  const rows = await tx
    .delete(readinessProgress)
    .where(and(eq(readinessProgress.municipalityCode, code), eq(readinessProgress.itemId, itemId)))
    .returning({ itemId: readinessProgress.itemId });
  return rows.length > 0;
}

/** The photo on an item, if any. */
export async function findPhoto(tx: Transaction, code: string, itemId: string) {
  const [row] = await tx
    .select({ photo: readinessProgress.photo, photoType: readinessProgress.photoType })
    .from(readinessProgress)
    .where(and(eq(readinessProgress.municipalityCode, code), eq(readinessProgress.itemId, itemId)));
  return row?.photo && row.photoType ? { photo: row.photo, type: row.photoType } : undefined;
}

/** Unticks a built-in item by its key; answers the item's id, or undefined when it was not ticked. */
export async function deleteProgressByKey(tx: Transaction, code: string, key: string): Promise<string | undefined> {
  const result = await tx.execute<{ item_id: string }>(sql`
    DELETE FROM readiness_progress p USING readiness_items i
     WHERE p.item_id = i.id AND i.key = ${key} AND p.municipality_code = ${code}
    RETURNING p.item_id`);
  return result.rows[0]?.item_id;
}
