import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, freshEnv, tempDir } from './helpers/cli.ts';

describe('the chungtay CLI', () => {
  it('creates the first administrator on an empty database, then refuses a duplicate', async () => {
    const env = await freshEnv();
    const first = await cli(['create-admin', '--username', 'quantri', '--password', 'Mat-khau-2026'], {
      ...env,
      NODE_ENV: 'production',
    });
    expect(first.out).toContain('Đã tạo quản trị hệ thống "quantri"');
    expect(first.code).toBe(0);
    const again = await cli(['create-admin', '--username', 'quantri', '--password', 'Mat-khau-2026'], env);
    expect(again.code).toBe(1);
    expect(again.out).toContain('users.username_taken');
  }, 60_000);

  it('reports a bad import row by line number and exits non-zero', async () => {
    const env = await freshEnv();
    const file = path.join(tempDir('chungtay-csv-'), 'xa.csv');
    writeFileSync(
      file,
      'province_code,province_name,commune_code,commune_name\n11,Điện Biên,03127,Phường Điện Biên Phủ\n77,X,12345,Xã Y\n',
    );
    const res = await cli(['import', 'admin-units', file], env);
    expect(res.code).toBe(1);
    expect(res.out).toContain('dòng 3, cột province_code');
  }, 60_000);

  it('explains its usage and exits 2 on a missing argument', async () => {
    const res = await cli(['create-admin', '--username', 'x'], { DATA_DIR: os.tmpdir() });
    expect(res.code).toBe(2);
    expect(res.out).toContain('--password');
  });

  it('refuses demo data in production', async () => {
    const env = await freshEnv();
    const res = await cli(['seed-demo'], { ...env, NODE_ENV: 'production' });
    expect(res.code).toBe(2);
  });
});

describe('the embedded data directory', () => {
  it('refuses a second process while the first holds it', async () => {
    const { openPglite } = await import('../src/platform/db/database.ts');
    const dir = tempDir('chungtay-lock-');
    const held = await openPglite({ dataDir: path.join(dir, 'pglite') });
    try {
      const res = await cli(['migrate'], { DATA_DIR: dir, DATABASE_URL: '' });
      expect(res.code).toBe(1);
      expect(res.out).toContain(`tiến trình ${process.pid}`);
    } finally {
      await held.close();
    }
  }, 60_000);
});
