import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/pool.ts';
import type { Transaction } from '../../db/tenant.ts';
import { staffUsers } from '../accounts/accounts.tables.ts';
import { toolkitPages, toolkitPageVersions } from '../programme/programme.tables.ts';

type Handle = Transaction | Database;

/** A version of a page as the service returns it; the editor's name is null for shipped versions. */
export interface ToolkitVersionRow {
  slug: string;
  version: number;
  title: string;
  bodyMarkdown: string;
  editedAt: Date;
  editedByName: string | null;
}

const versionColumns = {
  slug: toolkitPageVersions.slug,
  version: toolkitPageVersions.version,
  title: toolkitPageVersions.title,
  bodyMarkdown: toolkitPageVersions.bodyMarkdown,
  editedAt: toolkitPageVersions.editedAt,
  // Row-level security on staff_users hides the national editors from municipal readers: no name then.
  editedByName: staffUsers.displayName,
};

/** Every page in its order, with its current version. */
export async function listCurrentPages(tx: Handle): Promise<ToolkitVersionRow[]> {
  return tx
    .select(versionColumns)
    .from(toolkitPages)
    .innerJoin(
      toolkitPageVersions,
      and(
        eq(toolkitPageVersions.slug, toolkitPages.slug),
        eq(toolkitPageVersions.version, toolkitPages.currentVersion),
      ),
    )
    .leftJoin(staffUsers, eq(staffUsers.id, toolkitPageVersions.editedBy))
    .orderBy(asc(toolkitPages.position));
}

/** One version of a page; without `version`, the current one. */
export async function findVersion(tx: Handle, slug: string, version?: number): Promise<ToolkitVersionRow | undefined> {
  const wanted = version ?? sql<number>`(SELECT current_version FROM toolkit_pages WHERE slug = ${slug})`;
  const [row] = await tx
    .select(versionColumns)
    .from(toolkitPageVersions)
    .leftJoin(staffUsers, eq(staffUsers.id, toolkitPageVersions.editedBy))
    .where(and(eq(toolkitPageVersions.slug, slug), eq(toolkitPageVersions.version, wanted)));
  return row;
}

/** Every version of a page, newest first, without the text. */
export async function listVersions(tx: Handle, slug: string) {
  return tx
    .select({
      version: toolkitPageVersions.version,
      title: toolkitPageVersions.title,
      editedAt: toolkitPageVersions.editedAt,
      editedByName: staffUsers.displayName,
    })
    .from(toolkitPageVersions)
    .leftJoin(staffUsers, eq(staffUsers.id, toolkitPageVersions.editedBy))
    .where(eq(toolkitPageVersions.slug, slug))
    .orderBy(desc(toolkitPageVersions.version));
}

/**
 * Adds version `base + 1` and makes it current, but only while `base` is still the current version:
 * answers false when someone else saved in between (the row lock orders concurrent saves).
 */
export async function addVersion(
  tx: Transaction,
  page: { slug: string; base: number; title: string; bodyMarkdown: string; editedBy: string; editedAt: Date },
): Promise<boolean> {
  const moved = await tx
    .update(toolkitPages)
    .set({ currentVersion: page.base + 1 })
    .where(and(eq(toolkitPages.slug, page.slug), eq(toolkitPages.currentVersion, page.base)))
    .returning({ slug: toolkitPages.slug });
  if (moved.length === 0) return false;
  await tx.insert(toolkitPageVersions).values({
    slug: page.slug,
    version: page.base + 1,
    title: page.title,
    bodyMarkdown: page.bodyMarkdown,
    editedBy: page.editedBy,
    editedAt: page.editedAt,
  });
  return true;
}

/** Whether a page with this slug exists. */
export async function pageExists(tx: Handle, slug: string): Promise<boolean> {
  const rows = await tx.select({ slug: toolkitPages.slug }).from(toolkitPages).where(eq(toolkitPages.slug, slug));
  return rows.length > 0;
}
