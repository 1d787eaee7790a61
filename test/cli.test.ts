import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const tempDirs: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
});

/** Runs the real CLI in a child process, as an operator would. */
function cli(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; out: string }>((resolve) => {
    const child = spawn(process.execPath, ['src/cli.ts', ...args], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code: code ?? -1, out }));
  });
}

/** The same database the suite runs on: a fresh DATA_DIR, or a fresh database on the server. */
async function freshEnv(): Promise<Record<string, string>> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return { DATA_DIR: tempDir('chungtay-cli-'), DATABASE_URL: '' };
  const pg = (await import('pg')).default;
  const name = `${inject('pgRunPrefix')}cli_${Math.random().toString(36).slice(2, 7)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return { DATABASE_URL: u.toString() };
}

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
