import type { z } from 'zod';
import type { donationVerifyView } from '../../../contracts/blood/donors.ts';
import { escapeHtml, publicPage } from '../../../platform/http/public-page.ts';
import { vnDateText } from '../../../platform/pdf.ts';

/**
 * The public page a phone opens from a certificate of donation's QR code: whether it is genuine, the donor's
 * initials, the day and the site — nothing more (no name, birth date, group or any health data).
 */
const note =
  'Tra cứu trên hệ thống Chung Tay. Trang này chỉ cho biết giấy chứng nhận có thật, chữ cái đầu họ tên người hiến, ngày và nơi hiến máu.';

export function donationVerifyPage(v: z.infer<typeof donationVerifyView>): string {
  const row = (term: string, value: string) => `<dt>${term}</dt><dd>${escapeHtml(value)}</dd>`;
  const content = `<div class="card">
<div class="state valid">HỢP LỆ<small>Giấy chứng nhận hiến máu tình nguyện số ${escapeHtml(v.number)}</small></div>
<dl>
${row('Người hiến', v.initials)}
${row('Ngày hiến', vnDateText(v.donatedOn))}
${row('Nơi hiến', [v.site, v.establishmentName].filter(Boolean).join(' — ') || '—')}
</dl>
</div>`;
  return publicPage(`Hợp lệ — ${v.number}`, 'Kiểm tra giấy chứng nhận hiến máu', content, note);
}

export function donationNotFoundPage(): string {
  const content = `<div class="card">
<div class="state missing">KHÔNG TÌM THẤY<small>Không có giấy chứng nhận hiến máu nào với số này.</small></div>
<p class="body">Hãy kiểm tra lại số in dưới mã QR, hoặc liên hệ đơn vị đã cấp.</p>
</div>`;
  return publicPage('Không tìm thấy giấy chứng nhận', 'Kiểm tra giấy chứng nhận hiến máu', content, note);
}

/** "Nguyễn Thị Hoa" → "N. T. H." */
export const initialsOf = (fullName: string) =>
  fullName
    .normalize('NFC')
    .trim()
    .split(/\s+/)
    .map((w) => `${[...w][0]?.toUpperCase() ?? ''}.`)
    .join(' ');
