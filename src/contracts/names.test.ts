import { describe, expect, it } from 'vitest';
import { byVietnameseName, compareVietnameseNames, givenName } from './names.ts';

describe('Vietnamese name order', () => {
  it('files a person under the given name, the last word', () => {
    expect(givenName('  Nguyễn   Văn An ')).toBe('An');
    expect(givenName('Bình')).toBe('Bình');
  });

  it('sorts by given name first, then the rest of the name', () => {
    const names = ['Lê Văn Bình', 'Trần Thị Bình', 'Nguyễn Văn An'];
    expect([...names].sort(compareVietnameseNames)).toEqual([
      'Nguyễn Văn An',
      'Lê Văn Bình',
      'Trần Thị Bình',
    ]);
  });

  it('follows the Vietnamese alphabet: a < ă < â, d < đ, tone marks after the bare letter, case ignored', () => {
    const names = [
      'Nguyễn Văn Đức',
      'Trần Thị Ánh',
      'Lê Văn Dũng',
      'Phạm Thị An',
      'bùi an',
      'Hồ Ân',
      'Vũ Ăn',
    ];
    expect([...names].sort(compareVietnameseNames)).toEqual([
      'bùi an',
      'Phạm Thị An',
      'Trần Thị Ánh',
      'Vũ Ăn',
      'Hồ Ân',
      'Lê Văn Dũng',
      'Nguyễn Văn Đức',
    ]);
  });

  it('sorts rows by a name without touching the input', () => {
    const rows = [{ n: 'Trần Văn Cường' }, { n: 'Lê Thị Ba' }];
    expect(byVietnameseName(rows, (r) => r.n).map((r) => r.n)).toEqual(['Lê Thị Ba', 'Trần Văn Cường']);
    expect(rows[0]!.n).toBe('Trần Văn Cường');
  });
});
