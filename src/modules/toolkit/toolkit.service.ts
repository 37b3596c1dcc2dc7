import type { Database } from '../../db/pool.ts';
import { inTenant } from '../../db/tenant.ts';
import { apiError } from '../../http/api-errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { auditRoleOf, scopeOf, type Actor } from '../accounts/actor.ts';
import { renderMarkdown } from './markdown.ts';
import type { ToolkitSave } from './toolkit.schema.ts';
import {
  addVersion,
  findVersion,
  listCurrentPages,
  listVersions,
  pageExists,
  type ToolkitVersionRow,
} from './toolkit.repository.ts';

function summary(row: ToolkitVersionRow) {
  return {
    slug: row.slug,
    title: row.title,
    version: row.version,
    editedAt: row.editedAt.toISOString(),
    editedByName: row.editedByName,
  };
}

/** The toolkit's pages, for every staff member. */
export async function listToolkit(db: Database, actor: Actor) {
  const rows = await inTenant(db, scopeOf(actor), (tx) => listCurrentPages(tx));
  return { pages: rows.map(summary) };
}

/** One page (the current version, or an older one) with its Markdown rendered safely to HTML. */
export async function readToolkitPage(db: Database, actor: Actor, slug: string, version?: number) {
  return inTenant(db, scopeOf(actor), async (tx) => {
    const row = await findVersion(tx, slug, version);
    if (!row)
      throw apiError(version && (await pageExists(tx, slug)) ? 'toolkit.version_not_found' : 'toolkit.not_found');
    const current = version ? (await findVersion(tx, slug))!.version : row.version;
    return {
      ...summary(row),
      markdown: row.bodyMarkdown,
      html: renderMarkdown(row.bodyMarkdown),
      currentVersion: current,
    };
  });
}

/** The versions of a page: who changed it, when. */
export async function listToolkitVersions(db: Database, actor: Actor, slug: string) {
  return inTenant(db, scopeOf(actor), async (tx) => {
    const versions = await listVersions(tx, slug);
    if (versions.length === 0) throw apiError('toolkit.not_found');
    return {
      slug,
      versions: versions.map((row) => ({ ...row, editedAt: row.editedAt.toISOString() })),
    };
  });
}

/**
 * Saves a new version (national coordinators only; the route's policy checks the role). A save
 * based on an older version than the current one is refused, so nobody overwrites a colleague's edit.
 */
export async function saveToolkitPage(db: Database, actor: Actor, slug: string, input: ToolkitSave, now: Date) {
  return inTenant(db, scopeOf(actor), async (tx) => {
    if (!(await pageExists(tx, slug))) throw apiError('toolkit.not_found');
    const saved = await addVersion(tx, {
      slug,
      base: input.baseVersion,
      title: input.title,
      bodyMarkdown: input.markdown.trim() + '\n',
      editedBy: actor.userId,
      editedAt: now,
    });
    if (!saved) throw apiError('toolkit.version_conflict');
    await appendAudit(tx, {
      actorUserId: actor.userId,
      actorRole: auditRoleOf(actor),
      municipalityCode: null,
      action: 'toolkit.page_edited',
      objectType: 'toolkit_page',
      objectId: slug,
      details: { version: input.baseVersion + 1 },
    });
    return { slug, version: input.baseVersion + 1 };
  });
}
