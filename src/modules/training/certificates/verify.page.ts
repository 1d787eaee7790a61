import type { VerifyView } from '../../../contracts/certificates.ts';
import { escapeHtml, publicPage, publicPageCsp } from '../../../platform/http/public-page.ts';
import { vnDateText } from '../../../platform/pdf.ts';

export const verifyPageCsp = publicPageCsp;
const NOTE =
  'Tra cứu trên hệ thống Chung Tay. Trang này chỉ cho biết tình trạng của giấy chứng nhận, họ tên và năm sinh của người được cấp.';
const page = (title: string, content: string) => publicPage(title, 'Kiểm tra giấy chứng nhận', content, NOTE);

/**
 * The public verification page a phone opens from a certificate's QR code: server-rendered HTML, no
 * script, one small style sheet inlined and allowed by its hash (the page sends its own, stricter CSP).
 * It shows the state and what identifies the certificate — holder's name and birth year, nothing more.
 */

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
