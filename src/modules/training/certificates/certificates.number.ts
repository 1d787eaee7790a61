import { randomBytes } from 'node:crypto';

/**
 * Pure rules of a certificate's identity: its number as a Vietnamese office writes it, its expiry, and the
 * unguessable code of its verification link.
 */

/** Words that start the place part of an organisation's name ("… tỉnh Bắc Ninh"): not part of its symbol. */
const placeWords = new Set(['tỉnh', 'thành', 'tp', 'tp.', 'huyện', 'quận', 'thị', 'xã', 'phường', 'đặc']);
const isAbbreviation = (w: string) => w.length >= 2 && w === w.toUpperCase() && /\p{L}/u.test(w);

/**
 * The issuer's symbol (ký hiệu) as in "Số: 12/QĐ-LĐLĐ": a short name that is one word is already one
 * ("TTDVNĐ"); otherwise the initials of the full name up to its place ("Hội Chữ thập đỏ tỉnh Bắc Ninh" →
 * "HCTĐ", "Trung tâm Dịch vụ Nhân đạo" → "TTDVNĐ"), keeping abbreviations written in it ("CĐCS Bệnh viện…"
 * → "CĐCSBV") and the letter Đ, as offices do. At most 12 letters.
 */
export function issuerSymbol(name: string, shortName: string | null): string {
  const short = shortName?.normalize('NFC').trim();
  if (short && !/\s/.test(short)) return short.toUpperCase().slice(0, 12);
  const words = name.normalize('NFC').trim().split(/\s+/);
  let symbol = '';
  for (const [i, word] of words.entries()) {
    if (i > 0 && placeWords.has(word.toLowerCase())) break;
    const letters = word.replace(/[^\p{L}\p{N}]/gu, '');
    if (!letters) continue;
    symbol += isAbbreviation(letters) ? letters : letters.charAt(0).toUpperCase();
  }
  return (symbol || 'CT').slice(0, 12);
}

/**
 * GCN for a certificate (giấy chứng nhận); TATLĐ for an OSH safety card (thẻ an toàn lao động). Courses whose
 * rule gives no certificate (`attendance`: OSH group 4 is only logged by the employer) are not numbered.
 */
export const kindSymbol = { certificate: 'GCN', safety_card: 'TATLĐ' } as const;

/** "000123/2026/GCN-TTDVNĐ": six-digit sequence of the issuer's year, the year, the kind and the issuer. */
export function certificateNumber(seq: number, year: number, kind: keyof typeof kindSymbol, symbol: string) {
  return `${String(seq).padStart(6, '0')}/${year}/${kindSymbol[kind]}-${symbol}`;
}

/** The ISO day `months` later; a day missing from the target month is its last day (31/1 + 1 → 28/2). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, last);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** 120 random bits as 24 base32 letters (RFC 4648 alphabet): unguessable, case-insensitive, easy to type. */
export function newVerifyCode(): string {
  const bytes = randomBytes(15);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

/** Codes are matched upper-case, so a code typed in lower case from the paper is still found. */
export const normaliseVerifyCode = (code: string) => code.trim().toUpperCase();

/** What a reader is told today: a valid certificate past its last valid day has expired. */
export function stateOf(
  status: 'valid' | 'revoked' | 'replaced',
  validUntil: string | null,
  today: string,
): 'valid' | 'expired' | 'revoked' | 'replaced' {
  if (status !== 'valid') return status;
  return validUntil !== null && validUntil < today ? 'expired' : 'valid';
}
