import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, renameSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import { controlRequest, holderIsAlive } from './data-dir-lock.ts';
import { type Db, embeddedDir, openPglite, openPostgres, rows } from './database.ts';

/**
 * Backups a person can make and restore (`chungtay backup FILE`, `chungtay restore FILE`).
 * - A PostgreSQL server: PostgreSQL's own tools, `pg_dump --format=custom` and `pg_restore --clean`.
 * - The embedded database: an archive of its data directory, taken when no query or transaction runs, so it is
 *   consistent. While the server runs it holds the directory, so the CLI asks the server through the data
 *   directory's control socket to write the archive; otherwise the CLI opens the directory itself.
 */
/** `dataDir` is DATA_DIR (the embedded database lives in its `pglite` folder). */
export type BackupTarget = { databaseUrl?: string; dataDir: string };
export type BackupResult = { kind: 'embedded' | 'postgres'; bytes: number; via: 'cli' | 'server' };

/** gzip's magic number: an embedded archive. pg_dump's custom format starts with "PGDMP". */
const isGzip = (head: Buffer) => head[0] === 0x1f && head[1] === 0x8b;

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (e) =>
      reject(
        (e as NodeJS.ErrnoException).code === 'ENOENT'
          ? new Error(`Không tìm thấy ${cmd}: cài gói postgresql-client (cùng phiên bản với máy chủ).`)
          : e,
      ),
    );
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd}: ${err.trim()}`))));
  });
}

export async function recordBackup(db: Db, r: BackupResult): Promise<void> {
  await db.execute(sql`INSERT INTO backups (kind, bytes, via) VALUES (${r.kind}, ${r.bytes}, ${r.via})`);
}

export async function lastBackup(db: Db): Promise<{ madeAt: string; kind: string; bytes: number } | null> {
  const [r] = await rows<{ made_at: string | Date; kind: string; bytes: number }>(
    db,
    sql`SELECT made_at, kind, bytes::float8 AS bytes FROM backups ORDER BY made_at DESC LIMIT 1`,
  );
  return r ? { madeAt: new Date(r.made_at).toISOString(), kind: r.kind, bytes: r.bytes } : null;
}

export async function backup(target: BackupTarget, file: string): Promise<BackupResult> {
  if (target.databaseUrl) {
    await run('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, target.databaseUrl]);
    const result: BackupResult = { kind: 'postgres', bytes: (await stat(file)).size, via: 'cli' };
    const database = await openPostgres(target.databaseUrl, 2); // migrate holds one connection for its lock
    try {
      await database.migrate();
      await recordBackup(database.db, result);
    } finally {
      await database.close();
    }
    return result;
  }
  const dir = embeddedDir(target.dataDir);
  if (await holderIsAlive(dir)) {
    const socket = await controlRequest(dir, 'backup');
    await pipeline(socket, createWriteStream(file));
    const bytes = (await stat(file)).size;
    if (!isGzip(await readHead(file)))
      throw new Error('Máy chủ không tạo được bản sao lưu (xem nhật ký máy chủ).');
    return { kind: 'embedded', bytes, via: 'server' };
  }
  const database = await openPglite({ dataDir: dir });
  try {
    await database.migrate();
    const archive = await database.dumpArchive!();
    await pipeline(async function* () {
      yield archive;
    }, createWriteStream(file));
    const result: BackupResult = { kind: 'embedded', bytes: archive.length, via: 'cli' };
    await recordBackup(database.db, result);
    return result;
  } finally {
    await database.close();
  }
}

async function readHead(file: string): Promise<Buffer> {
  return (await readFile(file)).subarray(0, 5);
}

/**
 * Restores a backup over the target. A PostgreSQL database is cleaned and restored in one transaction. An
 * embedded data directory must not be in use; what it held is kept beside it (`<dir>.truoc-khoi-phuc-<time>`).
 */
export async function restore(target: BackupTarget, file: string): Promise<{ keptAt: string | null }> {
  const head = await readHead(file);
  if (target.databaseUrl) {
    if (isGzip(head))
      throw new Error('Tệp này là bản sao lưu của cơ sở dữ liệu nhúng, không phải của PostgreSQL.');
    await run('pg_restore', [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--single-transaction',
      '--exit-on-error',
      `--dbname=${target.databaseUrl}`,
      file,
    ]);
    return { keptAt: null };
  }
  if (!isGzip(head))
    throw new Error('Tệp này không phải bản sao lưu của cơ sở dữ liệu nhúng (chungtay backup).');
  const dir = embeddedDir(target.dataDir);
  if (await holderIsAlive(dir))
    throw new Error(`Máy chủ đang chạy trên ${target.dataDir}: hãy dừng máy chủ trước khi khôi phục.`);
  let keptAt: string | null = null;
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    keptAt = `${dir}.truoc-khoi-phuc-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(dir, keptAt);
  }
  const database = await openPglite({ dataDir: dir, loadDataDir: new Blob([await readFile(file)]) });
  try {
    await database.migrate(); // an older backup gets this version's migrations
  } finally {
    await database.close();
  }
  return { keptAt };
}
