import type { Database } from '../../db/pool.ts';
import { apiError } from '../../http/api-errors.ts';
import type { HelpLines } from '../../web/help-lines.ts';
import type { Actor } from '../accounts/actor.ts';
import { findMunicipalityByCode } from '../municipalities/municipalities.repository.ts';
import type { PrintFormat } from './sticker-pdf.ts';
import type { StickerLanguage } from './sticker-texts.ts';

/**
 * The municipality a coordinator may work for: a national coordinator any, a municipal coordinator
 * only their own (asking for another is refused, not quietly answered with one's own).
 */
export function requireOwnMunicipality(actor: Actor, code: string): void {
  if (actor.roles.includes('national_coordinator')) return;
  if (actor.municipalityCode !== code) throw apiError('auth.forbidden');
}

/** A sticker or poster PDF for a current municipality, and the file name to save it under. */
export async function stickerPdfFor(
  db: Database,
  actor: Actor,
  request: { code: string; format: PrintFormat; language: StickerLanguage },
  site: { publicBaseUrl: string; helpLines: HelpLines },
): Promise<{ pdf: Buffer; filename: string }> {
  requireOwnMunicipality(actor, request.code);
  const municipality = await findMunicipalityByCode(db, request.code);
  if (!municipality || municipality.endedOn) throw apiError('sticker.unknown_municipality');
  // Loaded on first use: pdfkit and its fonts cost ~30 MB that an idle app should not carry.
  const { renderStickerPdf } = await import('./sticker-pdf.ts');
  const pdf = await renderStickerPdf({
    format: request.format,
    language: request.language,
    municipalityName: municipality.name,
    municipalityCode: municipality.code,
    publicBaseUrl: site.publicBaseUrl,
    helpLines: site.helpLines,
  });
  return { pdf, filename: `opendeur-${request.format}-${municipality.slug}-${request.language}.pdf` };
}
