import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInAdminUnitFiles } from '../src/modules/admin-units/index.ts';
import type { Database } from '../src/platform/db/database.ts';
import { rows } from '../src/platform/db/database.ts';
import { foldVi, foldWords } from '../src/platform/text.ts';
import { createTestDatabase } from './helpers/test-db.ts';

/** Real names and addresses: the 3,321 communes and 34 provinces shipped with the product, and hard cases. */
function corpus(): string[] {
  const csv = readFileSync(builtInAdminUnitFiles.communes, 'utf8').split('\n').slice(1);
  const names = new Set<string>();
  for (const line of csv) for (const cell of line.split(',')) if (/\p{L}/u.test(cell)) names.add(cell.trim());
  for (const s of [
    'ĐIỆN BIÊN',
    'Điện Biên Phủ',
    'Thừa Thiên Huế',
    'Bà Rịa – Vũng Tàu',
    'Nguyễn Thị Ánh Tuyết',
    'Trương Vĩnh Ký',
    'Lê Ngọc Hân',
    'Đặng Thùy Trâm',
    'Ưng Hoàng Phúc',
    'Ơn Phước',
    'Quảng Ngãi',
    'Công ty TNHH Điện tử Quế Võ',
    'Liên đoàn Lao động tỉnh Bắc Ninh',
    'Nguyễn Văn A'.normalize('NFD'),
    'Điện Biên'.normalize('NFD'),
    'PHẠM  THỊ   HỒNG',
  ])
    names.add(s);
  return [...names];
}

describe('the Vietnamese fold', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('equals the database fold (lower(ct_unaccent(…))) on every real name and address', async () => {
    const texts = corpus();
    expect(texts.length).toBeGreaterThan(3000);
    const db = await rows<{ t: string; f: string }>(
      database.db,
      sql`SELECT t, lower(ct_unaccent(t)) AS f FROM jsonb_array_elements_text(${JSON.stringify(texts)}::jsonb) AS t`,
    );
    const differ = db.filter((r) => foldVi(r.t) !== r.f.normalize('NFC')).map((r) => [r.t, foldVi(r.t), r.f]);
    expect(differ).toEqual([]);
  });

  it('folds words for duplicate checks: no diacritics, đ → d, single spaces', () => {
    expect(foldWords('  PHẠM  Thị   Hồng ')).toBe('pham thi hong');
    expect(foldVi('Đường Điện Biên Phủ')).toBe('duong dien bien phu');
  });
});
