import QRCode from 'qrcode';
import type { PdfDoc } from './pdf.ts';

/** Draws a QR code whose top-left corner is (x, y), `size` points wide, quiet zone included. */
export function drawQr(doc: PdfDoc, text: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const quiet = 4;
  const cell = size / (n + 2 * quiet);
  doc.save().rect(x, y, size, size).fill('white');
  // One rectangle per horizontal run of dark modules, filled in a single operation.
  for (let r = 0; r < n; r++) {
    let c = 0;
    while (c < n) {
      if (!modules.get(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < n && modules.get(r, c)) c++;
      doc.rect(x + (quiet + start) * cell, y + (quiet + r) * cell, (c - start) * cell, cell);
    }
  }
  doc.fill('black').restore();
}
