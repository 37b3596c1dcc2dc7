import { z } from 'zod';
import { STICKER_LANGUAGES } from './sticker-texts.ts';

/** A CBS municipality code in a URL or query (GM + 4 digits, either case). */
export const municipalityCodeParam = z
  .string()
  .regex(/^gm\d{4}$/i, 'Een gemeentecode is GM met 4 cijfers, bijvoorbeeld GM0363.')
  .transform((code) => code.toUpperCase());

/** ?lang= of a sticker or poster. */
export const stickerQuerySchema = z.object({ lang: z.enum(STICKER_LANGUAGES).default('nl') });

const PHONE = /^\+?[0-9 ()-]{8,20}$/;

/** A municipal coordinator's order of printed stickers and posters. */
export const stickerOrderRequestSchema = z
  .object({
    stickers: z
      .number({ message: 'Vul het aantal stickers in (0 als u er geen wilt).' })
      .int('Vul een heel aantal stickers in.')
      .min(0, 'Het aantal stickers kan niet negatief zijn.')
      .max(10_000, 'Bestel hoogstens 10.000 stickers per keer.'),
    posters: z
      .number({ message: 'Vul het aantal posters in (0 als u er geen wilt).' })
      .int('Vul een heel aantal posters in.')
      .min(0, 'Het aantal posters kan niet negatief zijn.')
      .max(1_000, 'Bestel hoogstens 1.000 posters per keer.'),
    deliveryAddress: z
      .string()
      .trim()
      .min(10, 'Vul het volledige afleveradres in: straat, huisnummer, postcode en plaats.')
      .max(300, 'Het afleveradres is te lang (max. 300 tekens).'),
    contactName: z
      .string()
      .trim()
      .min(2, 'Vul de naam van de contactpersoon in.')
      .max(120, 'De naam is te lang (max. 120 tekens).'),
    contactEmail: z.string().trim().toLowerCase().email('Vul een geldig e-mailadres in, zoals naam@gemeente.nl.'),
    contactPhone: z
      .string()
      .trim()
      .regex(PHONE, 'Vul een telefoonnummer in met 10 cijfers, zoals 020 123 4567, of laat het leeg.')
      .or(z.literal(''))
      .optional()
      .transform((phone) => (phone ? phone : null)),
  })
  .refine((order) => order.stickers + order.posters > 0, {
    message: 'Bestel minstens 1 sticker of 1 poster.',
    path: ['stickers'],
  });

export type StickerOrderRequest = z.infer<typeof stickerOrderRequestSchema>;

/** The national coordinator's decision on an order. */
export const stickerOrderStatusRequestSchema = z.object({
  status: z.enum(['approved', 'shipped', 'rejected']),
  note: z.string().trim().max(500, 'De toelichting is te lang (max. 500 tekens).').optional(),
});

/** An order as the coordinators see it. */
export const stickerOrderViewSchema = z.object({
  id: z.string().uuid(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  stickers: z.number().int(),
  posters: z.number().int(),
  deliveryAddress: z.string(),
  contactName: z.string(),
  contactEmail: z.string(),
  contactPhone: z.string().nullable(),
  status: z.enum(['requested', 'approved', 'shipped', 'rejected']),
  statusNote: z.string().nullable(),
  createdAt: z.string(),
  statusChangedAt: z.string(),
});

export const stickerOrderListSchema = z.object({ orders: z.array(stickerOrderViewSchema) });

/** QR visits per municipality per month. */
export const qrVisitsViewSchema = z.object({
  rows: z.array(
    z.object({ municipalityCode: z.string(), municipalityName: z.string(), month: z.string(), visits: z.number() }),
  ),
});
