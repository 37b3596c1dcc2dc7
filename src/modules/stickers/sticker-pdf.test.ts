import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import {
  decodeQrFromPdf,
  pdfFonts,
  pdfPageSizeMm,
  pdfText,
  popplerMissing,
} from '../../../test/helpers/sticker-pdf.ts';
import { projectRoot } from '../../paths.ts';
import { loadHelpLines, type HelpLines } from '../../web/help-lines.ts';
import { renderStickerPdf, stickerUrl, type PrintFormat } from './sticker-pdf.ts';
import { STICKER_LANGUAGES } from './sticker-texts.ts';

const helpLines = loadHelpLines(path.join(projectRoot, 'config', 'help-lines.json'));
const base = {
  municipalityName: "'s-Hertogenbosch",
  municipalityCode: 'GM0796',
  publicBaseUrl: 'https://opendeur.example',
};
const skip = await popplerMissing();

describe('sticker and poster PDF', { skip }, () => {
  const pdfs = new Map<string, Buffer>();
  before(async () => {
    for (const format of ['sticker', 'poster'] as const) {
      for (const language of STICKER_LANGUAGES) {
        pdfs.set(`${format}:${language}`, await renderStickerPdf({ ...base, format, language, helpLines }));
      }
    }
  });

  it('makes a PDF of the right size for the A6 sticker and the A4 poster, in every language', async () => {
    const sizes: Record<PrintFormat, { width: number; height: number }> = {
      sticker: { width: 105, height: 148 },
      poster: { width: 210, height: 297 },
    };
    for (const [key, pdf] of pdfs) {
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-', key);
      assert.deepEqual(await pdfPageSizeMm(pdf), sizes[key.split(':')[0] as PrintFormat], key);
    }
  });

  for (const format of ['sticker', 'poster'] as const) {
    it(`puts a QR code on the ${format} that decodes to the municipality's short URL (lower case)`, async () => {
      for (const language of STICKER_LANGUAGES) {
        assert.equal(
          await decodeQrFromPdf(pdfs.get(`${format}:${language}`)!),
          'https://opendeur.example/g/gm0796',
          `${format} in ${language}`,
        );
      }
    });
  }

  it('prints the texts as text: the call, the Kindertelefoon from the configuration, the mayor, the name, the URL', async () => {
    const text = await pdfText(pdfs.get('sticker:nl')!);
    for (const expected of [
      'Kindermishandeling?',
      'Praat erover.',
      'Bel De Kindertelefoon',
      helpLines.kindertelefoon.number,
      'gratis en anoniem',
      'of neem contact op met de burgemeester',
      "gemeente 's-Hertogenbosch",
      'opendeur.example/g/gm0796',
    ]) {
      assert.ok(text.includes(expected), `"${expected}" in: ${text}`);
    }
    const english = await pdfText(pdfs.get('poster:en')!);
    assert.match(english, /Child abuse\?/);
    assert.match(english, /free and anonymous/);
    assert.match(english, /or contact the mayor/);
  });

  it('takes the number and its terms from the help lines, not from the code', async () => {
    const changed: HelpLines = {
      ...helpLines,
      kindertelefoon: { ...helpLines.kindertelefoon, number: '0800-1234', anonymous: false },
    };
    const text = await pdfText(
      await renderStickerPdf({ ...base, format: 'sticker', language: 'nl', helpLines: changed }),
    );
    assert.ok(text.includes('0800-1234'), text);
    assert.ok(!text.includes('0800-0432'), 'the old number is gone');
    assert.ok(text.includes('gratis') && !text.includes('anoniem'), 'only the terms that hold');
  });

  it('embeds the Arabic font and keeps the Latin parts (number, name) in the Arabic version', async () => {
    const arabic = pdfs.get('sticker:ar')!;
    const fonts = await pdfFonts(arabic);
    assert.ok(
      fonts.some((font) => font.name.includes('NotoNaskhArabic') && font.embedded),
      JSON.stringify(fonts),
    );
    const text = await pdfText(arabic);
    assert.ok(text.includes(helpLines.kindertelefoon.number), text);
    assert.ok(text.includes("'s-Hertogenbosch"), text);
    assert.match(text, /[\u0600-\u06ff]/, 'Arabic text is extractable as text');
  });

  it('sets a long municipality name smaller instead of off the page', async () => {
    const pdf = await renderStickerPdf({
      ...base,
      municipalityName: 'Een heel erg lange gemeentenaam die nooit op één regel past',
      format: 'sticker',
      language: 'nl',
      helpLines,
    });
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    assert.ok(text.includes('gemeente Een heel erg lange gemeentenaam die nooit op één regel past'), text);
  });
});

describe('sticker URL', () => {
  it('uses the code in lower case, without a double slash', () => {
    assert.equal(stickerUrl('https://opendeur.nl/', 'GM0363'), 'https://opendeur.nl/g/gm0363');
  });
});
