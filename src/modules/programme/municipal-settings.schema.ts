import { z } from 'zod';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((value) => (value ? value : null));

/** How children and parents reach the town hall; every field may be left empty. */
export const contactRoutesSchema = z.object({
  visitAddress: optionalText(300),
  visitHours: optionalText(300),
  phone: optionalText(30),
  email: optionalText(254),
  confidentialAdviserName: optionalText(120),
  confidentialAdviserPhone: optionalText(30),
  confidentialAdviserEmail: optionalText(254),
});
export type ContactRoutesInput = z.infer<typeof contactRoutesSchema>;

/** Accent colour (#rrggbb, or null for the site's own) and the languages offered besides Dutch. */
export const appearanceRequestSchema = z.object({
  accentColour: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #1a5c8a')
    .nullable(),
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).max(20),
});

/** The logo upload: PNG or JPEG, base64, at most 200 kB decoded. */
export const logoRequestSchema = z.object({ image: z.string().min(1).max(300_000) });

/** Everything on the settings page. */
export const municipalSettingsViewSchema = z.object({
  municipalityCode: z.string(),
  municipalityName: z.string(),
  municipalitySlug: z.string(),
  contact: z.object({
    visitAddress: z.string().nullable(),
    visitHours: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    confidentialAdviserName: z.string().nullable(),
    confidentialAdviserPhone: z.string().nullable(),
    confidentialAdviserEmail: z.string().nullable(),
  }),
  accentColour: z.string().nullable(),
  hasLogo: z.boolean(),
  languages: z.array(z.string()),
  /** Every language the public site has, for the choice. */
  availableLanguages: z.array(z.object({ locale: z.string(), name: z.string() })),
});
