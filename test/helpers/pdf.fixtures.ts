import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';

/**
 * Reading printed documents back in tests: text with pdftotext, pages rendered with pdftoppm, QR codes decoded
 * from the rendered page with jsQR (what a phone camera does). SAVE_SAMPLES=1 keeps the PNGs in
 * artifacts/training/ to look at.
 */

export function hasPoppler(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    if (process.env.CI) throw new Error('poppler-utils (pdftotext, pdftoppm) is required in CI');
    console.warn('[tests] poppler-utils not installed: PDFs not rendered');
    return false;
  }
}

// jsqr is CommonJS (module.exports = jsQR) whose typings declare an ES default export.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'ct-pdf-'));
const samples = process.env.SAVE_SAMPLES ? path.resolve('artifacts/training') : null;

export function saveSample(name: string, data: Buffer) {
  if (!samples) return;
  mkdirSync(samples, { recursive: true });
  writeFileSync(path.join(samples, name), data);
}

/** The text of a PDF, whitespace folded to single spaces. */
export function pdfText(pdf: Buffer): string {
  const file = path.join(tmp(), 'd.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

export function pdfPages(pdf: Buffer): number {
  const file = path.join(tmp(), 'd.pdf');
  writeFileSync(file, pdf);
  const m = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  return Number(m?.[1] ?? 0);
}

/** Page `page` rendered at `dpi` as PNG, and the QR text decoded from it (null if none is found). */
export function renderPage(
  pdf: Buffer,
  page = 1,
  opts: { dpi?: number; sample?: string } = {},
): { png: Buffer; qr: string | null } {
  const dir = tmp();
  writeFileSync(path.join(dir, 'd.pdf'), pdf);
  execFileSync(
    'pdftoppm',
    [
      '-png',
      '-r',
      String(opts.dpi ?? 80),
      '-f',
      String(page),
      '-l',
      String(page),
      '-singlefile',
      'd.pdf',
      'p',
    ],
    { cwd: dir },
  );
  const png = readFileSync(path.join(dir, 'p.png'));
  if (opts.sample) saveSample(opts.sample, png);
  const image = PNG.sync.read(png);
  const found = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  return { png, qr: found?.data ?? null };
}
