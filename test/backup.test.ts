import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, rows } from '../src/platform/db/database.ts';
import { cli, freshEnv, root, tempDir } from './helpers/cli.ts';

const onServer = Boolean(process.env.TEST_DATABASE_URL);
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

async function usernames(env: Record<string, string>): Promise<string[]> {
  const database = await openDatabase({
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR ?? '',
  });
  try {
    const r = await rows<{ username: string }>(
      database.db,
      sql`SELECT username FROM users ORDER BY username`,
    );
    return r.map((u) => u.username);
  } finally {
    await database.close();
  }
}

async function lastBackupVia(env: Record<string, string>): Promise<string | undefined> {
  const database = await openDatabase({
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR ?? '',
  });
  try {
    const [r] = await rows<{ via: string }>(
      database.db,
      sql`SELECT via FROM backups ORDER BY id DESC LIMIT 1`,
    );
    return r?.via;
  } finally {
    await database.close();
  }
}

const admin = (env: Record<string, string>, username: string) =>
  cli(['create-admin', '--username', username, '--password', 'Mat-khau-2026'], env);

/** Starts `chungtay serve` on a free port and waits until it listens. */
function serve(env: Record<string, string>, command = process.execPath, args = ['src/cli.ts', 'serve']) {
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'silent', PORT: '0', SCHEDULER: 'off', DEMO_SEED: 'off', ...env },
  });
  children.push(child);
  return new Promise<ChildProcess>((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d;
      if (out.includes('đang chạy tại')) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', () => reject(new Error(`server exited: ${out}`)));
  });
}

describe('backup and restore', () => {
  it('round-trips the data: what was added after the backup is gone after the restore', async () => {
    const env = await freshEnv();
    expect((await admin(env, 'truocsaoluu')).code).toBe(0);
    const file = path.join(tempDir('chungtay-backup-'), onServer ? 'sao-luu.dump' : 'sao-luu.tar.gz');
    const made = await cli(['backup', file], env);
    expect(made.out).toContain(`Đã sao lưu vào ${file}`);
    expect(made.code).toBe(0);
    expect(await lastBackupVia(env)).toBe('cli');
    expect((await admin(env, 'saukhisaoluu')).code).toBe(0);
    expect(await usernames(env)).toEqual(['saukhisaoluu', 'truocsaoluu']);

    const restored = await cli(['restore', file], env);
    expect(restored.out).toContain('Đã khôi phục');
    expect(restored.code).toBe(0);
    expect(await usernames(env)).toEqual(['truocsaoluu']);
  }, 120_000);

  it.skipIf(onServer)(
    'backs up the embedded database while the server runs, through the server',
    async () => {
      const env = await freshEnv();
      expect((await admin(env, 'dangchay')).code).toBe(0);
      const server = await serve(env);
      const file = path.join(tempDir('chungtay-backup-'), 'khi-chay.tar.gz');
      const made = await cli(['backup', file], env);
      expect(made.out).toContain('do máy chủ đang chạy tạo');
      expect(made.code).toBe(0);
      expect(readFileSync(file).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
      // Restoring under a running server is refused, and changes nothing.
      const refused = await cli(['restore', file], env);
      expect(refused.code).toBe(1);
      expect(refused.out).toContain('hãy dừng máy chủ trước');
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
      expect(await lastBackupVia(env)).toBe('server');

      const other = { DATA_DIR: tempDir('chungtay-restored-'), DATABASE_URL: '' };
      expect((await cli(['restore', file], other)).code).toBe(0);
      expect(await usernames(other)).toEqual(['dangchay']);
    },
    120_000,
  );

  it.skipIf(onServer)(
    'starts right after the previous server was killed, even before it is reaped',
    async () => {
      const env = await freshEnv();
      // The shell runs the server in the background and then becomes `sleep`, which never reaps it: after
      // kill -9 the server is a zombie whose pid still answers kill(pid, 0).
      const shell = spawn('sh', ['-c', `"${process.execPath}" src/cli.ts serve & echo $!; exec sleep 60`], {
        cwd: root,
        env: { ...process.env, LOG_LEVEL: 'silent', PORT: '0', SCHEDULER: 'off', DEMO_SEED: 'off', ...env },
      });
      children.push(shell);
      let out = '';
      shell.stdout!.on('data', (d) => (out += d));
      // Up to 90 s: a first start migrates and loads the 3,321 communes, slow on a busy machine.
      for (let i = 0; i < 900 && !out.includes('đang chạy tại'); i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(out).toContain('đang chạy tại');
      const pid = Number(out.split('\n')[0]);
      const busy = await cli(['migrate'], env);
      expect(busy.out).toContain(`tiến trình ${pid}`);
      expect(busy.code).toBe(1);
      process.kill(pid, 'SIGKILL');
      await new Promise((r) => setTimeout(r, 100));
      const state = readFileSync(`/proc/${pid}/stat`, 'utf8');
      expect(state.slice(state.lastIndexOf(')') + 2)[0]).toBe('Z');
      const res = await cli(['migrate'], env);
      expect(res.out).toContain('Đã áp dụng migration');
      expect(res.code).toBe(0);
    },
    120_000,
  );
});
