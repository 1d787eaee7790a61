import { randomInt } from 'node:crypto';
import { foldWords } from '../../../contracts/text.ts';

/**
 * The username suggested for a volunteer, as Vietnamese offices write them: the given name and the initials of
 * the family and middle names, unaccented ("Nguyễn Văn An" → annv); the phone's digits when the name gives
 * nothing usable.
 */
export function suggestUsername(fullName: string, phone: string | null): string {
  const words = foldWords(fullName)
    .replace(/[^a-z0-9 ]/g, '')
    .split(' ')
    .filter(Boolean);
  const given = words.at(-1) ?? '';
  const base =
    given +
    words
      .slice(0, -1)
      .map((w) => w[0])
      .join('');
  if (base.length >= 3) return base.slice(0, 40);
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits.length >= 3 ? `tnv${digits}` : `tnv${base}`;
}

const LETTERS = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';

/**
 * A one-time password to read out or copy: 12 characters without look-alikes (0/O, 1/l/I), with letters and
 * digits (as the password rules ask of the one the volunteer then chooses).
 */
export function temporaryPassword(): string {
  const all = LETTERS + DIGITS;
  const chars = Array.from({ length: 10 }, () => all[randomInt(all.length)]);
  chars.push(LETTERS[randomInt(LETTERS.length)]!, DIGITS[randomInt(DIGITS.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
