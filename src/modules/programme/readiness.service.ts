import type { Database } from '../../db/pool.ts';
import { inTenant, type TenantScope, type Transaction } from '../../db/tenant.ts';
import { apiError } from '../../http/api-errors.ts';
import { auditRoleOf, type Actor } from '../accounts/actor.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { findMunicipalityByCode } from '../municipalities/municipalities.repository.ts';
import { coverageInTx } from '../roster/roster.service.ts';
import { currentParticipation, setParticipation } from './enrolment.repository.ts';
import { decodeImage } from './municipal-settings.images.ts';
import {
  deleteProgress,
  findItem,
  findPhoto,
  insertItem,
  listItems,
  listProgress,
  updateItem,
  upsertProgress,
} from './readiness.repository.ts';

/** The photo of the sticker on the door: JPEG or PNG up to 2 MB. */
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
const PHOTO_ITEM_KEY = 'sticker_on_door';
/** The built-in item "the roster has no gaps, or a fallback is agreed". */
export const ROSTER_ITEM_KEY = 'roster_covered';

type ItemInput = { title: string; description: string; position: number; active: boolean };

/** Every checklist item, for coordinators. */
export async function listChecklistItems(db: Database, actor: Actor) {
  return { items: await inTenant(db, scopeFor(actor), (tx) => listItems(tx)) };
}

/** Adds a checklist item (national coordinator). */
export async function createChecklistItem(db: Database, actor: Actor, item: ItemInput, now: Date) {
  return inTenant(db, { kind: 'national' }, async (tx) => {
    const id = await insertItem(tx, item, now);
    await appendAudit(tx, itemAudit(actor, 'readiness.item_created', id, item.active));
    return { id };
  });
}

/** Changes a checklist item (national coordinator). */
export async function changeChecklistItem(db: Database, actor: Actor, id: string, item: ItemInput, now: Date) {
  await inTenant(db, { kind: 'national' }, async (tx) => {
    if (!(await updateItem(tx, id, item, now))) throw apiError('programme.readiness_item_not_found');
    await appendAudit(tx, itemAudit(actor, 'readiness.item_changed', id, item.active));
  });
}

/**
 * A municipality's progress. Counts only active items: an item switched off no longer blocks
 * anyone. A municipal coordinator sees only their own municipality.
 */
export async function readinessOf(db: Database, actor: Actor, code: string) {
  const municipality = await knownMunicipality(db, code);
  return inTenant(db, coordinatorScope(actor, code), async (tx) => {
    const view = await progressView(tx, code);
    return { municipalityCode: code, municipalityName: municipality.name, ...view };
  });
}

async function progressView(tx: Transaction, code: string) {
  // One query at a time: a transaction has one connection (pg warns about overlapping queries on it).
  const items = await listItems(tx);
  const progress = await listProgress(tx, code);
  const participation = await currentParticipation(tx, code);
  const byItem = new Map(progress.map((row) => [row.itemId, row]));
  const shown = items
    .filter((item) => item.active || byItem.has(item.id))
    .map((item) => {
      const row = byItem.get(item.id);
      return {
        ...item,
        done: row !== undefined,
        doneAt: row?.doneAt.toISOString() ?? null,
        note: row?.note ?? null,
        hasPhoto: row?.hasPhoto ?? false,
      };
    });
  const active = shown.filter((item) => item.active);
  const done = active.filter((item) => item.done).length;
  return {
    participation: participation ?? 'not_participating',
    items: shown,
    done,
    total: active.length,
    complete: active.length > 0 && done === active.length,
  };
}

/**
 * The municipal coordinator ticks an item, optionally with a note and (for the sticker) a photo.
 * When every active item is then done and the municipality is enrolled (or paused), it becomes
 * active: the child's page offers "write to the mayor". Un-ticking later, or a new item, does not
 * take an active municipality offline (children may already rely on it); the progress shows the gap
 * instead. Only roster gaps do (the coverage watch pauses it and unticks the roster item).
 */
export async function tickItem(
  db: Database,
  actor: Actor,
  code: string,
  itemId: string,
  input: { note?: string | undefined; photo?: string | undefined },
  now: Date,
) {
  const scope = ownMunicipalityOnly(actor, code);
  const photo = input.photo ? decodeImage(input.photo, PHOTO_MAX_BYTES) : undefined;
  if (input.photo && !photo) throw apiError('programme.photo_invalid', {}, 'photo');
  return inTenant(db, scope, async (tx) => {
    const item = await findItem(tx, itemId);
    if (!item) throw apiError('programme.readiness_item_not_found');
    if (photo && item.key !== PHOTO_ITEM_KEY) throw apiError('programme.photo_not_allowed', {}, 'photo');
    // The roster item cannot be ticked by hand while the roster has gaps without fallback or override.
    if (item.key === ROSTER_ITEM_KEY && !(await coverageInTx(tx, code, now)).mayBeActive) {
      throw apiError('roster.not_covered');
    }
    await upsertProgress(tx, {
      municipalityCode: code,
      itemId,
      doneAt: now,
      doneBy: actor.userId,
      note: input.note ? input.note : null,
      photo: photo?.bytes ?? null,
      photoType: photo?.type ?? null,
    });
    await appendAudit(tx, {
      ...progressAudit(actor, code, 'readiness.item_done', itemId),
      details: { photo: photo !== undefined },
    });
    const view = await progressView(tx, code);
    // Also when the roster item is switched off: gaps without fallback or override keep it offline.
    // A municipality the coverage watch paused comes back the same way, once its roster is covered.
    const waiting = view.participation === 'enrolled' || view.participation === 'paused';
    if (view.complete && waiting && (await coverageInTx(tx, code, now)).mayBeActive) {
      await setParticipation(tx, code, 'active');
      await appendAudit(tx, {
        ...progressAudit(actor, code, 'programme.municipality_activated', code),
        objectType: 'municipality',
        details: { from: view.participation },
      });
      view.participation = 'active';
    }
    return view;
  });
}

/** Un-ticks an item (see tickItem for what that means for an active municipality). */
export async function untickItem(db: Database, actor: Actor, code: string, itemId: string) {
  await inTenant(db, ownMunicipalityOnly(actor, code), async (tx) => {
    if (!(await deleteProgress(tx, code, itemId))) throw apiError('programme.readiness_item_not_found');
    await appendAudit(tx, progressAudit(actor, code, 'readiness.item_undone', itemId));
  });
}

/** The photo on an item, for coordinators who may see the municipality. */
export async function progressPhoto(db: Database, actor: Actor, code: string, itemId: string) {
  const photo = await inTenant(db, coordinatorScope(actor, code), (tx) => findPhoto(tx, code, itemId));
  if (!photo) throw apiError('not_found');
  return photo;
}

async function knownMunicipality(db: Database, code: string) {
  const municipality = await findMunicipalityByCode(db, code);
  if (!municipality || municipality.endedOn) throw apiError('programme.unknown_municipality');
  return municipality;
}

function scopeFor(actor: Actor): TenantScope {
  return actor.roles.includes('national_coordinator')
    ? { kind: 'national' }
    : { kind: 'municipality', code: actor.municipalityCode ?? '' };
}

/** A national coordinator may look at any municipality; a municipal coordinator only their own. */
export function coordinatorScope(actor: Actor, code: string): TenantScope {
  if (actor.roles.includes('national_coordinator')) return { kind: 'national' };
  if (actor.municipalityCode !== code) throw apiError('programme.not_own_municipality');
  return { kind: 'municipality', code };
}

/** Changes only by the municipality's own coordinator (the national coordinator watches). */
function ownMunicipalityOnly(actor: Actor, code: string): TenantScope {
  if (actor.municipalityCode !== code || !actor.roles.includes('municipal_coordinator')) {
    throw apiError('programme.not_own_municipality');
  }
  return { kind: 'municipality', code };
}

function itemAudit(actor: Actor, action: string, id: string, active: boolean) {
  return {
    actorUserId: actor.userId,
    actorRole: auditRoleOf(actor),
    municipalityCode: null,
    action,
    objectType: 'readiness_item',
    objectId: id,
    details: { active },
  };
}

function progressAudit(actor: Actor, code: string, action: string, objectId: string) {
  return {
    actorUserId: actor.userId,
    actorRole: auditRoleOf(actor),
    municipalityCode: code,
    action,
    objectType: 'readiness_item',
    objectId,
  };
}
