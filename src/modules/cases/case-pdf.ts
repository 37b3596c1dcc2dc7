import PDFDocument from 'pdfkit';

/** Everything printed in a case file, already decrypted and labelled (Dutch). */
export interface CaseFile {
  reference: string;
  municipalityName: string;
  status: string;
  origin: string;
  openedAt: Date;
  closedAt: Date | null;
  lastActivityAt: Date;
  destroyAfter: Date | null;
  legalHold: boolean;
  category: string | null;
  subcategory: string | null;
  outcome: string | null;
  childConsent: string;
  summary: string | null;
  timeline: Array<{ at: Date; kind: string; actor: string | null; text: string | null; details: string }>;
  meldcode: Array<{
    step: number;
    title: string;
    decision: string;
    departsFromDefault: boolean;
    answers: Array<[string, string]>;
    reason: string | null;
    decidedBy: string | null;
    decidedAt: Date;
  }>;
  referrals: Array<{
    recipient: string;
    kind: string;
    status: string;
    createdAt: Date;
    sentAt: Date | null;
    confirmedAt: Date | null;
    summary: string | null;
    feedback: string | null;
  }>;
  exportedBy: string;
  exportedAt: Date;
}

const MARGIN = 56;
const INK = '#1a1a1a';
const MUTED = '#555555';

const when = (date: Date | null) =>
  date ? date.toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'medium', timeStyle: 'short' }) : '—';

/**
 * The case file as an A4 PDF for a referral (Helvetica, text as text): the facts, the summary, the
 * timeline, the Meldcode decisions and the referrals. Confidential, and marked so on every page.
 */
export async function renderCasePdf(file: CaseFile): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    lang: 'nl-NL',
    bufferPages: true,
    info: { Title: `Dossier ${file.reference}`, Author: 'opendeur' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const heading = (text: string) => {
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor(INK).text(text, { width });
    doc.moveDown(0.3).font('Helvetica').fontSize(10);
  };
  const field = (label: string, value: string) => {
    doc.font('Helvetica-Bold').fontSize(10).fillColor(INK).text(`${label}: `, { continued: true });
    doc.font('Helvetica').text(value, { width });
  };
  const muted = (text: string) => doc.font('Helvetica').fontSize(9).fillColor(MUTED).text(text, { width });
  const body = (text: string) => doc.font('Helvetica').fontSize(10).fillColor(INK).text(text, { width });

  doc.font('Helvetica-Bold').fontSize(18).fillColor(INK).text(`Dossier ${file.reference}`, { width });
  muted(`Gemeente ${file.municipalityName} — vertrouwelijk, alleen voor wie het kind verder helpt`);

  heading('Gegevens');
  field('Status', file.status);
  field('Begonnen via', file.origin);
  field('Geopend', when(file.openedAt));
  field('Laatste activiteit', when(file.lastActivityAt));
  field('Gesloten', when(file.closedAt));
  field('Vernietigen na', file.legalHold ? 'opgeschort (juridische bewaarplicht)' : when(file.destroyAfter));
  field('Categorie', [file.category, file.subcategory].filter(Boolean).join(' — ') || '—');
  field('Uitkomst', file.outcome ?? '—');
  field('Toestemming kind', file.childConsent);

  heading('Samenvatting');
  body(file.summary ?? '—');

  heading('Meldcode');
  if (file.meldcode.length === 0) body('Nog geen besluiten vastgelegd.');
  for (const decision of file.meldcode) {
    doc.moveDown(0.4);
    field(`Stap ${decision.step}`, decision.title);
    field('Besluit', `${decision.decision}${decision.departsFromDefault ? ' (wijkt af van de standaard)' : ''}`);
    for (const [question, answer] of decision.answers) field(question, answer);
    if (decision.reason) field('Reden', decision.reason);
    muted(`${decision.decidedBy ?? 'onbekend'}, ${when(decision.decidedAt)}`);
  }

  heading('Verwijzingen');
  if (file.referrals.length === 0) body('Geen verwijzingen.');
  for (const referral of file.referrals) {
    doc.moveDown(0.4);
    field(referral.recipient, `${referral.kind} — ${referral.status}`);
    muted(
      `Aangemaakt ${when(referral.createdAt)}; verstuurd ${when(referral.sentAt)}; bevestigd ${when(referral.confirmedAt)}`,
    );
    if (referral.summary) field('Samenvatting', referral.summary);
    if (referral.feedback) field('Terugkoppeling', referral.feedback);
  }

  heading('Tijdlijn');
  for (const entry of file.timeline) {
    doc.moveDown(0.3);
    field(when(entry.at), `${entry.kind}${entry.actor ? ` — ${entry.actor}` : ''}`);
    if (entry.text) body(entry.text);
    if (entry.details) muted(entry.details);
  }

  doc.moveDown(1);
  muted(`Geëxporteerd door ${file.exportedBy} op ${when(file.exportedAt)}. Deze export is vastgelegd in het auditlog.`);

  const pages = doc.bufferedPageRange();
  for (let page = pages.start; page < pages.start + pages.count; page++) {
    doc.switchToPage(page);
    // The footer sits in the bottom margin: without this pdfkit would start a new page for it.
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(MUTED)
      .text(
        `Dossier ${file.reference} — vertrouwelijk — pagina ${page + 1} van ${pages.count}`,
        MARGIN,
        doc.page.height - MARGIN / 2 - 8,
        { width, align: 'center', lineBreak: false },
      );
  }
  doc.end();
  return done;
}
