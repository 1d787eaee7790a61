import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is one connection inside one process: a second process opening the same directory would
 * corrupt it. The lock file names the owner so the message can say which process to stop.
 */
export function lockDataDir(dir: string): () => void {
  const file = path.join(dir, 'chungtay.lock');
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch {
    const owner = Number(readFileSync(file, 'utf8'));
    if (owner && owner !== process.pid && isAlive(owner)) {
      throw new Error(
        `Thư mục dữ liệu ${dir} đang được tiến trình ${owner} dùng (chế độ nhúng chỉ cho một tiến trình). ` +
          'Hãy dừng máy chủ trước, dùng trang quản trị, hoặc chạy với DATABASE_URL.',
      );
    }
    writeFileSync(file, String(process.pid)); // stale lock of a process that is gone
  }
  return () => rmSync(file, { force: true });
}
