import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/**
 * PGlite is one connection inside one process: a second process opening the same directory would corrupt it.
 *
 * The lock is what the holder really holds, not only its pid: the holder listens on a Unix socket in the data
 * directory's name (`pglite.sock` beside `pglite/`). The kernel closes it the moment the process dies — also a process killed with
 * `kill -9` that its parent has not reaped yet, which still answers `kill(pid, 0)` — so "can I connect?" tells a
 * live holder from a dead one, and a restart right after a crash starts. The pid file (`pglite.lock`) only names
 * the holder in the message. The socket also carries the holder's control requests (`chungtay backup` while the
 * server runs): the directory's permissions decide who may connect.
 */
export type DataDirLock = {
  /** Serves control requests (one line, e.g. `backup`) from a CLI on the same machine. */
  onControl: (handler: ControlHandler) => void;
  release: () => Promise<void>;
};
export type ControlHandler = (command: string, socket: net.Socket) => Promise<void>;

/** sun_path is 108 bytes on Linux, 104 on macOS. */
const MAX_SOCKET_PATH = 100;

// Beside the directory, not in it: the data-directory archive (backup) must hold only the database's files.
export const socketPath = (dir: string) => `${path.resolve(dir)}.sock`;
const lockFile = (dir: string) => `${path.resolve(dir)}.lock`;

function busyMessage(dir: string, owner: string): string {
  return (
    `Thư mục dữ liệu ${dir} đang được tiến trình ${owner || '?'} dùng (chế độ nhúng chỉ cho một tiến trình). ` +
    'Hãy dừng máy chủ trước, dùng trang quản trị, hoặc chạy với DATABASE_URL.'
  );
}

/** Whether a live process listens on the data directory's socket (a dead holder's socket refuses). */
export function holderIsAlive(dir: string): Promise<boolean> {
  const sock = socketPath(dir);
  if (!existsSync(sock)) return Promise.resolve(false);
  return new Promise((resolve) => {
    const c = net.connect(sock);
    c.once('connect', () => {
      c.end();
      resolve(true);
    });
    c.once('error', () => resolve(false));
  });
}

/** Fallback where the socket path would be too long: the pid, and on Linux its state (a zombie is dead). */
function pidIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return true; // no /proc (macOS…): the pid answered
  }
}

export async function lockDataDir(dir: string): Promise<DataDirLock> {
  const file = lockFile(dir);
  const sock = socketPath(dir);
  const useSocket = Buffer.byteLength(sock) <= MAX_SOCKET_PATH;
  const owner = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  const alive = useSocket ? await holderIsAlive(dir) : Boolean(owner) && pidIsAlive(Number(owner));
  if (alive && Number(owner) !== process.pid) throw new Error(busyMessage(dir, owner));

  let handler: ControlHandler | null = null;
  let server: net.Server | null = null;
  if (useSocket) {
    rmSync(sock, { force: true }); // a dead holder's socket file
    server = net.createServer((s) => {
      let line = '';
      s.on('data', (d) => {
        line += d.toString('utf8');
        const nl = line.indexOf('\n');
        if (nl < 0) return;
        s.removeAllListeners('data');
        const command = line.slice(0, nl).trim();
        if (!handler) return void s.end('ERR no control handler\n');
        handler(command, s).catch((err) => s.destroy(err instanceof Error ? err : new Error(String(err))));
      });
      s.on('error', () => {});
    });
    await new Promise<void>((resolve, reject) => {
      server!.once('error', (e) =>
        // Another process took the directory between our check and our listen.
        reject((e as NodeJS.ErrnoException).code === 'EADDRINUSE' ? new Error(busyMessage(dir, '?')) : e),
      );
      server!.listen(sock, () => resolve());
    });
    server.unref(); // the lock never keeps a process alive that has nothing else to do
  }
  writeFileSync(file, String(process.pid));
  return {
    onControl: (h) => {
      handler = h;
    },
    release: async () => {
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      rmSync(file, { force: true });
      if (useSocket) rmSync(sock, { force: true });
    },
  };
}

/** Sends one control request to the process holding `dir`; answers its socket to read the reply from. */
export function controlRequest(dir: string, command: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const c = net.connect(socketPath(dir));
    c.once('connect', () => {
      c.write(`${command}\n`);
      resolve(c);
    });
    c.once('error', reject);
  });
}
