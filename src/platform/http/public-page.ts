import { createHash } from 'node:crypto';

/**
 * The shell of a public, server-rendered page a phone opens from a QR code (certificate verification): no
 * script, one small inlined style sheet allowed by its hash (the page sends `publicPageCsp`, stricter than the
 * app's).
 */

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;
 background:#f3f4f6;color:#111827;line-height:1.45;font-size:16px}
main{max-width:34rem;margin:0 auto;padding:1rem}
h1{font-size:1.15rem;margin:.5rem 0 1rem;color:#374151;font-weight:600}
.card{background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(0,0,0,.12);overflow:hidden}
.state{padding:1.1rem 1rem;font-size:1.35rem;font-weight:700;letter-spacing:.02em;color:#fff}
.state small{display:block;font-size:.9rem;font-weight:400;letter-spacing:0;margin-top:.2rem}
.valid{background:#15803d}.expired{background:#b45309}.revoked{background:#b91c1c}.replaced{background:#4b5563}
.missing{background:#6b7280}
dl{margin:0;padding:.4rem 1rem 1rem}
dt{font-size:.8rem;color:#6b7280;margin-top:.75rem;text-transform:uppercase;letter-spacing:.04em}
dd{margin:.1rem 0 0;font-size:1.05rem;font-weight:500;overflow-wrap:anywhere}
p.note{font-size:.8rem;color:#6b7280;margin:1rem .25rem}
p.body{padding:0 1rem 1rem;margin:.8rem 0 0}
`.trim();

const styleHash = createHash('sha256').update(STYLE).digest('base64');

/** Only this page's own style; no script, no frames, no forms, no other origin. */
export const publicPageCsp = [
  "default-src 'none'",
  `style-src 'sha256-${styleHash}'`,
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

export function publicPage(title: string, heading: string, content: string, note: string) {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(heading)}</h1>
${content}
<p class="note">${escapeHtml(note)}</p>
</main>
</body>
</html>`.normalize('NFC');
}
