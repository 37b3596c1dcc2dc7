import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/pool.ts';
import { projectRoot } from '../../paths.ts';
import { toolkitPages, toolkitPageVersions } from '../programme/programme.tables.ts';

/** Where the first versions of the toolkit pages live (Markdown, one file per page). */
export const toolkitContentDirectory = path.join(projectRoot, 'content', 'toolkit');

/** A page as shipped with opendeur. */
export interface ShippedPage {
  slug: string;
  position: number;
  title: string;
  bodyMarkdown: string;
}

/**
 * Reads `NN-slug.md` files: NN is the position, the first line `# Title` the title, the rest the body.
 * A file in another shape stops start-up with its name, so a broken page is never shipped silently.
 */
export function readShippedPages(directory = toolkitContentDirectory): ShippedPage[] {
  return readdirSync(directory)
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => {
      const match = /^(\d+)-([a-z0-9-]+)\.md$/.exec(file);
      const text = readFileSync(path.join(directory, file), 'utf8');
      const [firstLine = '', ...rest] = text.split('\n');
      const title = /^# (.+)$/.exec(firstLine)?.[1]?.trim();
      if (!match || !title) throw new Error(`Toolkit page ${file}: name it NN-slug.md and start it with "# Title"`);
      return { slug: match[2]!, position: Number(match[1]), title, bodyMarkdown: rest.join('\n').trim() + '\n' };
    });
}

/**
 * Loads the shipped pages as version 1 (editor: none) when the toolkit is empty; later starts change
 * nothing, so the national coordinator's edits are never overwritten. Run under the migration lock.
 */
export async function seedToolkit(db: Database, pages = readShippedPages()): Promise<number> {
  return db.transaction(async (tx) => {
    const existing = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM toolkit_pages`);
    if (existing.rows[0]!.n > 0 || pages.length === 0) return 0;
    await tx
      .insert(toolkitPages)
      .values(pages.map(({ slug, position }) => ({ slug, position, currentVersion: 1 })))
      .onConflictDoNothing();
    await tx
      .insert(toolkitPageVersions)
      .values(pages.map(({ slug, title, bodyMarkdown }) => ({ slug, version: 1, title, bodyMarkdown, editedBy: null })))
      .onConflictDoNothing();
    return pages.length;
  });
}
