import { describe, expect, it } from 'vitest';
import { suggestUsername, temporaryPassword } from './account.rules.ts';

describe('volunteer account rules', () => {
  it('suggests the given name and the initials, unaccented, or the phone when the name gives too little', () => {
    expect(suggestUsername('Nguyễn Văn An', null)).toBe('annv');
    expect(suggestUsername('Đỗ Thị Ngọc Ánh', '0912000111')).toBe('anhdtn');
    expect(suggestUsername('Ý', '0912 000 111')).toBe('tnv0912000111');
  });

  it('makes 12-character passwords with letters and digits, without look-alikes, never twice the same', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = temporaryPassword();
      expect(p).toMatch(/^(?=.*[A-Za-z])(?=.*\d)[A-HJ-NP-Za-km-z2-9]{12}$/);
      seen.add(p);
    }
    expect(seen.size).toBe(200);
  });
});
