import { and, desc, eq, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/tenant.ts';
import { staffUsers } from '../accounts/accounts.tables.ts';
import { municipalities } from '../municipalities/municipalities.tables.ts';
import { qrVisits, stickerOrders } from '../programme/programme.tables.ts';
import type { StickerOrderRequest } from './stickers.schema.ts';

type OrderStatus = (typeof stickerOrders.$inferSelect)['status'];

/** Stores a new order (row-level security keeps it in the transaction's municipality). */
export async function insertOrder(
  tx: Transaction,
  order: StickerOrderRequest & { municipalityCode: string; orderedBy: string; now: Date },
): Promise<string> {
  const [row] = await tx
    .insert(stickerOrders)
    .values({
      municipalityCode: order.municipalityCode,
      stickers: order.stickers,
      posters: order.posters,
      deliveryAddress: order.deliveryAddress,
      contactName: order.contactName,
      contactEmail: order.contactEmail,
      contactPhone: order.contactPhone,
      orderedBy: order.orderedBy,
      createdAt: order.now,
      statusChangedAt: order.now,
    })
    .returning({ id: stickerOrders.id });
  return row!.id;
}

/** The orders the transaction may see, newest first, with the municipality's name. */
export async function listOrders(tx: Transaction) {
  return tx
    .select({
      id: stickerOrders.id,
      municipalityCode: stickerOrders.municipalityCode,
      municipalityName: municipalities.name,
      stickers: stickerOrders.stickers,
      posters: stickerOrders.posters,
      deliveryAddress: stickerOrders.deliveryAddress,
      contactName: stickerOrders.contactName,
      contactEmail: stickerOrders.contactEmail,
      contactPhone: stickerOrders.contactPhone,
      status: stickerOrders.status,
      statusNote: stickerOrders.statusNote,
      createdAt: stickerOrders.createdAt,
      statusChangedAt: stickerOrders.statusChangedAt,
    })
    .from(stickerOrders)
    .innerJoin(municipalities, eq(municipalities.code, stickerOrders.municipalityCode))
    .orderBy(desc(stickerOrders.createdAt));
}

/** One order with the e-mail address of the coordinator who placed it, locked for a status change. */
export async function findOrderForUpdate(tx: Transaction, id: string) {
  const [row] = await tx
    .select({
      id: stickerOrders.id,
      municipalityCode: stickerOrders.municipalityCode,
      status: stickerOrders.status,
      ordererEmail: staffUsers.email,
      ordererLocale: staffUsers.locale,
    })
    .from(stickerOrders)
    .leftJoin(staffUsers, eq(staffUsers.id, stickerOrders.orderedBy))
    .where(eq(stickerOrders.id, id))
    .for('update', { of: stickerOrders });
  return row;
}

/** Moves an order from `from` to `to` (the condition on `from` makes a concurrent change lose). */
export async function updateOrderStatus(
  tx: Transaction,
  change: { id: string; from: OrderStatus; to: OrderStatus; note: string | null; now: Date },
): Promise<boolean> {
  const rows = await tx
    .update(stickerOrders)
    .set({ status: change.to, statusNote: change.note, statusChangedAt: change.now })
    .where(and(eq(stickerOrders.id, change.id), eq(stickerOrders.status, change.from)))
    .returning({ id: stickerOrders.id });
  return rows.length > 0;
}

/**
 * Counts one visit for the municipality in the month of `now` (Europe/Amsterdam), in one statement:
 * concurrent visits add up instead of overwriting each other.
 */
export async function incrementQrVisits(tx: Transaction, municipalityCode: string, now: Date): Promise<void> {
  await tx.execute(sql`
    INSERT INTO qr_visits (municipality_code, month, visits)
    VALUES (${municipalityCode}, date_trunc('month', ${now.toISOString()}::timestamptz AT TIME ZONE 'Europe/Amsterdam')::date, 1)
    ON CONFLICT (municipality_code, month) DO UPDATE SET visits = qr_visits.visits + 1`);
}

/** Visits per municipality per month that the transaction may see, newest month first. */
export async function listQrVisits(tx: Transaction, municipalityCode?: string) {
  return tx
    .select({
      municipalityCode: qrVisits.municipalityCode,
      municipalityName: municipalities.name,
      month: sql<string>`to_char(${qrVisits.month}, 'YYYY-MM')`,
      visits: qrVisits.visits,
    })
    .from(qrVisits)
    .innerJoin(municipalities, eq(municipalities.code, qrVisits.municipalityCode))
    .where(municipalityCode ? eq(qrVisits.municipalityCode, municipalityCode) : undefined)
    .orderBy(desc(qrVisits.month), municipalities.name)
    .limit(5000);
}
