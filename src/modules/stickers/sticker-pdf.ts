import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { HelpLines } from '../../web/help-lines.ts';
import { stickerText, type PrintedLine, type StickerLanguage } from './sticker-texts.ts';

/** What can be printed: the A6 door sticker or the A4 poster (the same design, twice the size). */
export type PrintFormat = 'sticker' | 'poster';

const MM = 72 / 25.4;
const PAGE: Record<PrintFormat, { width: number; height: number; scale: number }> = {
  sticker: { width: 105 * MM, height: 148 * MM, scale: 1 },
  poster: { width: 210 * MM, height: 297 * MM, scale: 2 },
};
const INK = '#1a1a1a';
const BAND = '#0b3b6f';
const ARABIC = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/;

// Noto Naskh Arabic (SIL Open Font License 1.1), from the npm package @embedpdf/fonts-arabic.
const arabicFontDirectory = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-arabic')),
  '..',
  'fonts',
);
const ARABIC_REGULAR = path.join(arabicFontDirectory, 'NotoNaskhArabic-Regular.ttf');
const ARABIC_BOLD = path.join(arabicFontDirectory, 'NotoNaskhArabic-Bold.ttf');

/** What a sticker needs to know. */
export interface StickerInput {
  format: PrintFormat;
  language: StickerLanguage;
  municipalityName: string;
  /** The CBS code; the QR code leads to `${publicBaseUrl}/g/${code in lower case}`. */
  municipalityCode: string;
  publicBaseUrl: string;
  helpLines: HelpLines;
}

/** The permanent short URL a sticker's QR code leads to. */
export function stickerUrl(publicBaseUrl: string, municipalityCode: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/g/${municipalityCode.toLowerCase()}`;
}

/**
 * A print-ready vector PDF: text as text (Helvetica, and embedded Noto Naskh Arabic for Arabic),
 * the QR code as filled rectangles. One design, laid out on A6 and scaled for A4.
 */
export async function renderStickerPdf(input: StickerInput): Promise<Buffer> {
  const { width, height, scale } = PAGE[input.format];
  const text = stickerText(input.language, input.helpLines, input.municipalityName);
  const url = stickerUrl(input.publicBaseUrl, input.municipalityCode);
  const doc = new PDFDocument({
    size: [width, height],
    margin: 0,
    lang: text.tag,
    info: { Title: text.title, Author: 'opendeur', Subject: url },
  });
  doc.registerFont('ar', ARABIC_REGULAR);
  doc.registerFont('ar-bold', ARABIC_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const margin = 16 * scale;
  const line = (printed: PrintedLine, y: number, colour = INK) =>
    drawLine(doc, printed, { y, scale, colour, rtl: text.rtl, centre: width / 2, maxWidth: width - 2 * margin });

  // The headline on a dark band, as on the taskforce's sticker.
  const bandHeight = 78 * scale;
  doc.rect(0, 0, width, bandHeight).fill(BAND);
  let y = 14 * scale;
  for (const printed of text.headline) y = line(printed, y, '#ffffff') + 2 * scale;

  y = bandHeight + 12 * scale;
  for (const printed of text.helpLine) y = line(printed, y) + 3 * scale;

  y += 5 * scale;
  doc
    .moveTo(margin * 2, y)
    .lineTo(width - margin * 2, y)
    .lineWidth(0.75 * scale)
    .strokeColor(BAND)
    .stroke();
  y += 9 * scale;
  for (const printed of text.mayor) y = line(printed, y) + 3 * scale;

  const qrSize = 108 * scale;
  y += 4 * scale;
  drawQrCode(doc, url, (width - qrSize) / 2, y, qrSize);
  y += qrSize + 3 * scale;
  y = line({ parts: [url.replace(/^https?:\/\//, '')], size: 8 }, y) + 2 * scale;
  y = line(text.scan, y) + 2 * scale;
  line(text.danger, Math.max(y + 2 * scale, height - margin - text.danger.size * scale));

  doc.end();
  return done;
}

/** A run of text in one script and font; `gap` says whether a space separates it from the one before. */
interface Token {
  text: string;
  gap: boolean;
}

/**
 * Splits a line into tokens in reading order. Arabic parts become single words, with closing
 * punctuation on its own, because a shaped run with spaces or trailing punctuation comes out of the
 * font engine in the wrong visual order; Latin parts (names, numbers) stay whole.
 */
function tokensOf(parts: string[]): Token[] {
  const tokens: Token[] = [];
  for (const part of parts) {
    if (!ARABIC.test(part)) {
      tokens.push({ text: part, gap: tokens.length > 0 });
      continue;
    }
    for (const word of part.split(/\s+/).filter(Boolean)) {
      const [, core = word, closing] = /^(.*?)([؟.،!:]*)$/.exec(word) ?? [];
      tokens.push({ text: core, gap: tokens.length > 0 });
      if (closing) tokens.push({ text: closing, gap: false });
    }
  }
  return tokens;
}

/**
 * Draws one centred line and answers the y below it. Tokens are placed right to left for Arabic; a
 * line too wide for the page (a long municipality name) is set smaller until it fits.
 */
function drawLine(
  doc: PDFKit.PDFDocument,
  printed: PrintedLine,
  at: { y: number; scale: number; colour: string; rtl: boolean; centre: number; maxWidth: number },
): number {
  const fontOf = (text: string) =>
    ARABIC.test(text) || (at.rtl && /^[؟،]+$/.test(text))
      ? printed.bold
        ? 'ar-bold'
        : 'ar'
      : printed.bold
        ? 'Helvetica-Bold'
        : 'Helvetica';
  const tokens = tokensOf(printed.parts);
  const widthAt = (size: number) =>
    tokens.reduce(
      (sum, token) =>
        sum +
        doc.font(fontOf(token.text)).fontSize(size).widthOfString(token.text) +
        (token.gap ? doc.font('Helvetica').fontSize(size).widthOfString(' ') : 0),
      0,
    );
  let size = printed.size * at.scale;
  while (widthAt(size) > at.maxWidth && size > 5) size *= 0.95;
  const space = doc.font('Helvetica').fontSize(size).widthOfString(' ');
  const total = widthAt(size);
  if (at.rtl) {
    // Reading order runs from the right edge leftwards.
    let right = at.centre + total / 2;
    for (const token of tokens) {
      if (token.gap) right -= space;
      const tokenWidth = doc.font(fontOf(token.text)).fontSize(size).widthOfString(token.text);
      doc.fillColor(at.colour).text(token.text, right - tokenWidth, at.y, { lineBreak: false });
      right -= tokenWidth;
    }
  } else {
    let x = at.centre - total / 2;
    for (const token of tokens) {
      if (token.gap) x += space;
      doc.font(fontOf(token.text)).fontSize(size).fillColor(at.colour).text(token.text, x, at.y, { lineBreak: false });
      x += doc.widthOfString(token.text);
    }
  }
  return at.y + size * 1.15;
}

/** The QR code as vector rectangles (one per run of dark modules in a row), with a white quiet zone. */
function drawQrCode(doc: PDFKit.PDFDocument, url: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const count = modules.size;
  const module = size / (count + 8);
  doc.rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < count; row++) {
    let column = 0;
    while (column < count) {
      if (!modules.get(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < count && modules.get(row, column)) column++;
      doc.rect(x + (start + 4) * module, y + (row + 4) * module, (column - start) * module, module);
    }
  }
  doc.fill('#000000');
}
