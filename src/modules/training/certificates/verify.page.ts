import { createHash } from 'node:crypto';
import type { VerifyView } from '../../../contracts/certificates.ts';
import { vnDateText } from '../../../platform/pdf.ts';

/**
 * The public verification page a phone opens from a certificate's QR code: server-rendered HTML, no
 * script, one small style sheet inlined and allowed by its hash (the page sends its own, stricter CSP).
 * It shows the state and what identifies the certificate — holder's name and birth year, nothing more.
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
export const verifyPageCsp = [
  "default-src 'none'",
  `style-src 'sha256-${styleHash}'`,
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function page(title: string, content: string) {
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
<h1>Kiểm tra giấy chứng nhận</h1>
${content}
<p class="note">Tra cứu trên hệ thống Chung Tay. Trang này chỉ cho biết tình trạng của giấy chứng nhận, họ tên và năm sinh của người được cấp.</p>
</main>
</body>
</html>`.normalize('NFC');
}

const kindLabel = {
  certificate: 'Giấy chứng nhận',
  safety_card: 'Thẻ an toàn lao động',
  attendance: 'Giấy xác nhận',
};

function stateBanner(v: VerifyView, today: string) {
  switch (v.state) {
    case 'valid':
      return [
        'valid',
        'CÒN HIỆU LỰC',
        v.validUntil ? `đến hết ngày ${vnDateText(v.validUntil)}` : 'không thời hạn',
      ];
    case 'expired':
      return [
        'expired',
        'ĐÃ HẾT HIỆU LỰC',
        `chỉ có giá trị đến hết ngày ${vnDateText(v.validUntil ?? today)}`,
      ];
    case 'revoked':
      return ['revoked', 'ĐÃ BỊ THU HỒI', 'Giấy chứng nhận này không còn giá trị.'];
    default:
      return [
        'replaced',
        'ĐÃ ĐƯỢC THAY THẾ',
        'Đã được cấp lại bằng giấy chứng nhận số khác; giấy này không còn giá trị.',
      ];
  }
}

export function verifyPage(v: VerifyView, today: string): string {
  const [cls, label, detail] = stateBanner(v, today);
  const row = (term: string, value: string) => `<dt>${term}</dt><dd>${escapeHtml(value)}</dd>`;
  const content = `<div class="card">
<div class="state ${cls}">${label}<small>${escapeHtml(detail!)}</small></div>
<dl>
${row(kindLabel[v.certificateKind], `Số ${v.number}`)}
${row('Họ và tên', v.holderName)}
${row('Năm sinh', v.holderBirthYear === null ? '—' : String(v.holderBirthYear))}
${row('Khoá huấn luyện', v.courseName)}
${row('Đơn vị cấp', v.issuerName)}
${row('Ngày cấp', vnDateText(v.issuedOn))}
${row('Giá trị đến', v.validUntil ? vnDateText(v.validUntil) : 'Không thời hạn')}
</dl>
</div>`;
  return page(`${label} — ${v.number}`, content);
}

export function notFoundPage(): string {
  const content = `<div class="card">
<div class="state missing">KHÔNG TÌM THẤY<small>Không có giấy chứng nhận nào với mã kiểm tra này.</small></div>
<p class="body">Hãy kiểm tra lại mã in dưới mã QR trên giấy chứng nhận, hoặc liên hệ đơn vị đã cấp.</p>
</div>`;
  return page('Không tìm thấy giấy chứng nhận', content);
}
