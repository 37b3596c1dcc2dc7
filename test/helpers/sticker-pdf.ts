import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';

const run = promisify(execFile);

// jsqr is CommonJS with a default export: under Node's ESM loader the function may sit one level down.
type Decode = typeof jsQRModule.default;
const jsQR: Decode = (jsQRModule as unknown as { default?: Decode }).default ?? (jsQRModule as unknown as Decode);

/** Why PDF tests cannot run here (poppler-utils missing), or undefined when they can. */
export async function popplerMissing(): Promise<string | undefined> {
  try {
    await run('pdftoppm', ['-v']);
    await run('pdftotext', ['-v']);
    return undefined;
  } catch {
    return 'pdftoppm/pdftotext (poppler-utils) are not installed: apt-get install poppler-utils';
  }
}

async function withPdfFile<T>(pdf: Buffer, work: (file: string, directory: string) => Promise<T>): Promise<T> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'opendeur-pdf-'));
  try {
    const file = path.join(directory, 'in.pdf');
    await writeFile(file, pdf);
    return await work(file, directory);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/**
 * Renders the PDF's first page at 150 dpi with pdftoppm and decodes the QR code on it with jsQR;
 * rejects when the page renders but holds no readable QR code.
 */
export async function decodeQrFromPdf(pdf: Buffer): Promise<string> {
  return withPdfFile(pdf, async (file, directory) => {
    await run('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', file, path.join(directory, 'page')]);
    const image = (await readdir(directory)).find((name) => name.endsWith('.png'));
    if (!image) throw new Error('pdftoppm rendered no page');
    const png = PNG.sync.read(await readFile(path.join(directory, image)));
    const code = jsQR(
      new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length),
      png.width,
      png.height,
    );
    if (!code) throw new Error('no readable QR code on the rendered page');
    return code.data;
  });
}

/** The PDF's text as pdftotext extracts it (so: text drawn as text, not as pictures). */
export async function pdfText(pdf: Buffer): Promise<string> {
  return withPdfFile(pdf, async (file) => (await run('pdftotext', ['-enc', 'UTF-8', file, '-'])).stdout);
}

/** The page size in millimetres as pdfinfo reports it. */
export async function pdfPageSizeMm(pdf: Buffer): Promise<{ width: number; height: number }> {
  return withPdfFile(pdf, async (file) => {
    const { stdout } = await run('pdfinfo', [file]);
    const match = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(stdout);
    if (!match) throw new Error(`no page size in pdfinfo output: ${stdout}`);
    const mm = (points: string) => Math.round((Number(points) * 25.4) / 72);
    return { width: mm(match[1]!), height: mm(match[2]!) };
  });
}

/** The fonts pdffonts lists, with whether each is embedded. */
export async function pdfFonts(pdf: Buffer): Promise<Array<{ name: string; embedded: boolean }>> {
  return withPdfFile(pdf, async (file) => {
    const { stdout } = await run('pdffonts', [file]);
    return stdout
      .split('\n')
      .slice(2)
      .filter(Boolean)
      .map((line) => {
        const columns = line.trim().split(/\s+/);
        // name type [type...] encoding emb sub uni object ID: emb is the 5th column from the end.
        return { name: columns[0]!, embedded: columns[columns.length - 5] === 'yes' };
      });
  });
}

/** Downloads a PDF with `client`'s session: status, headers and the bytes (ApiClient reads bodies as text). */
export async function downloadPdf(
  client: { baseUrl: string; cookies: Map<string, string> },
  urlPath: string,
): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const cookie = [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const response = await fetch(new URL(urlPath, client.baseUrl), { headers: cookie ? { cookie } : {} });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}
