import type { Database } from '../../db/pool.ts';
import { inTenant } from '../../db/tenant.ts';
import { apiError } from '../../http/api-errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { auditRoleOf, scopeOf, type Actor } from '../accounts/actor.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { StickerOrderRequest } from './stickers.schema.ts';
import { findOrderForUpdate, insertOrder, listOrders, updateOrderStatus } from './stickers.repository.ts';

type Status = 'requested' | 'approved' | 'shipped' | 'rejected';

/** Which status may follow which: approve or reject a new order, ship or reject an approved one. */
const NEXT: Record<Status, readonly Status[]> = {
  requested: ['approved', 'rejected'],
  approved: ['shipped', 'rejected'],
  shipped: [],
  rejected: [],
};

const STATUS_WORDS: Record<'nl' | 'en', Record<Status, string>> = {
  nl: { requested: 'aangevraagd', approved: 'goedgekeurd', shipped: 'verzonden', rejected: 'afgewezen' },
  en: { requested: 'requested', approved: 'approved', shipped: 'shipped', rejected: 'rejected' },
};

/** A municipal coordinator orders printed stickers and posters for their own municipality. */
export async function placeOrder(db: Database, actor: Actor, order: StickerOrderRequest, now: Date) {
  const code = actor.municipalityCode;
  if (!code || !actor.roles.includes('municipal_coordinator')) throw apiError('sticker_order.no_municipality');
  return inTenant(db, scopeOf(actor), async (tx) => {
    const id = await insertOrder(tx, { ...order, municipalityCode: code, orderedBy: actor.userId, now });
    await appendAudit(tx, {
      actorUserId: actor.userId,
      actorRole: auditRoleOf(actor),
      municipalityCode: code,
      action: 'sticker_order.placed',
      objectType: 'sticker_order',
      objectId: id,
      details: { stickers: order.stickers, posters: order.posters },
    });
    return { id };
  });
}

/** Orders: a national coordinator sees all, a municipal coordinator their municipality's. */
export async function listStickerOrders(db: Database, actor: Actor) {
  const rows = await inTenant(db, scopeOf(actor), (tx) => listOrders(tx));
  return {
    orders: rows.map((row) => ({
      ...row,
      createdAt: row.createdAt.toISOString(),
      statusChangedAt: row.statusChangedAt.toISOString(),
    })),
  };
}

/**
 * The national coordinator approves, ships or rejects an order (a rejection needs a reason). When it
 * ships, the coordinator who ordered gets an e-mail with the status only.
 */
export async function changeOrderStatus(
  db: Database,
  actor: Actor,
  id: string,
  change: { status: Exclude<Status, 'requested'>; note?: string },
  deps: { mailer: Mailer; publicBaseUrl: string; now: Date },
) {
  const note = change.note?.trim() || null;
  if (change.status === 'rejected' && !note) throw apiError('sticker_order.note_required', {}, 'note');
  const order = await inTenant(db, scopeOf(actor), async (tx) => {
    const found = await findOrderForUpdate(tx, id);
    if (!found) throw apiError('sticker_order.not_found');
    const locale = actor.locale;
    if (!NEXT[found.status].includes(change.status)) {
      throw apiError('sticker_order.invalid_transition', {
        from: STATUS_WORDS[locale][found.status],
        to: STATUS_WORDS[locale][change.status],
      });
    }
    await updateOrderStatus(tx, { id, from: found.status, to: change.status, note, now: deps.now });
    await appendAudit(tx, {
      actorUserId: actor.userId,
      actorRole: auditRoleOf(actor),
      municipalityCode: found.municipalityCode,
      action: `sticker_order.${change.status}`,
      objectType: 'sticker_order',
      objectId: id,
      details: { from: found.status },
    });
    return found;
  });
  if (change.status === 'shipped' && order.ordererEmail) {
    await deps.mailer.send(
      shippedMail(order.ordererEmail, order.ordererLocale === 'en' ? 'en' : 'nl', deps.publicBaseUrl),
    );
  }
}

function shippedMail(to: string, locale: 'nl' | 'en', baseUrl: string) {
  const link = `${baseUrl}/beheer/stickers`;
  return locale === 'en'
    ? {
        to,
        subject: 'opendeur: your sticker order has been shipped',
        text: `Your order of stickers and posters has been shipped.\n\nSee the status in the back office: ${link}\n`,
      }
    : {
        to,
        subject: 'opendeur: uw bestelling stickers is verzonden',
        text: `Uw bestelling stickers en posters is verzonden.\n\nDe status ziet u in de beheeromgeving: ${link}\n`,
      };
}
