import { z } from 'zod';

/** A toolkit page's slug in a URL. */
export const toolkitSlugSchema = z.string().regex(/^[a-z0-9-]{1,60}$/);

/** A page in the list. */
export const toolkitSummarySchema = z.object({
  slug: z.string(),
  title: z.string(),
  version: z.number().int(),
  editedAt: z.string(),
  editedByName: z.string().nullable(),
});

/** One version of a page: its Markdown and the HTML made from it on the server. */
export const toolkitPageViewSchema = toolkitSummarySchema.extend({
  markdown: z.string(),
  html: z.string(),
  currentVersion: z.number().int(),
});

/** The list of pages. */
export const toolkitListSchema = z.object({ pages: z.array(toolkitSummarySchema) });

/** The versions of one page, newest first. */
export const toolkitVersionsSchema = z.object({
  slug: z.string(),
  versions: z.array(
    z.object({
      version: z.number().int(),
      title: z.string(),
      editedAt: z.string(),
      editedByName: z.string().nullable(),
    }),
  ),
});

/** A save: the new title and text, and the version the editor started from. */
export const toolkitSaveSchema = z.object({
  title: z
    .string()
    .trim()
    .min(3, 'Vul een titel in van minstens 3 tekens.')
    .max(120, 'Maak de titel korter (max. 120 tekens).'),
  markdown: z.string().trim().min(20, 'De tekst is te kort.').max(60_000, 'De tekst is te lang (max. 60.000 tekens).'),
  baseVersion: z.number().int().min(1),
});

export type ToolkitSave = z.infer<typeof toolkitSaveSchema>;
