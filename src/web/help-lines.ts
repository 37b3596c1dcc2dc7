import { readFileSync } from 'node:fs';
import { z } from 'zod';

const hours = z.union([
  z.literal('always'),
  z.object({ from: z.string().regex(/^\d{2}:\d{2}$/), to: z.string().regex(/^\d{2}:\d{2}$/) }),
]);
const line = z.object({
  number: z.string().min(3),
  tel: z.string().regex(/^\+?\d{3,15}$/, 'tel must be digits only'),
  hours,
  free: z.boolean().optional(),
  anonymous: z.boolean().optional(),
  url: z.string().url().optional(),
});
const helpLinesSchema = z.object({ emergency: line, kindertelefoon: line, veiligThuis: line });

/** The help numbers shown on every public page (config/help-lines.json). */
export type HelpLines = z.infer<typeof helpLinesSchema>;

/** Reads and checks the help numbers; a wrong file stops start-up with the reason. */
export function loadHelpLines(file: string): HelpLines {
  const parsed = helpLinesSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Invalid help lines in ${file} at ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}
