#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { seedDemo } from './demo/seed-demo.ts';
import { importLegacyMapping } from './modules/admin-units/admin-units.legacy.ts';
import { importAdminUnits } from './modules/admin-units/admin-units.service.ts';
import { createSystemAdmin } from './modules/users/index.ts';
import { systemClock } from './platform/clock.ts';
import { loadConfig } from './platform/config.ts';
import { cliMeta } from './platform/context.ts';
import { backup, restore } from './platform/db/backup.ts';
import { isAppError } from './platform/errors.ts';
import { isEmpty, openAndMigrate, startServer } from './server.ts';

const usage = `Chung Tay — cách dùng / usage:
  chungtay serve                                   chạy máy chủ web (PORT, HOST, DATA_DIR, DATABASE_URL)
  chungtay migrate                                 áp dụng migration cơ sở dữ liệu
  chungtay seed-demo                               nạp dữ liệu mẫu (chỉ khi cơ sở dữ liệu trống)
  chungtay create-admin --username U --password P  tạo tài khoản quản trị hệ thống đầu tiên
  chungtay import admin-units FILE                 nhập danh sách xã chính thức (CSV hoặc XLSX)
  chungtay import admin-unit-merges FILE           nhập bảng đơn vị cũ → mới 2025 (JSON của các nghị quyết sắp xếp)
  chungtay backup FILE                             sao lưu toàn bộ dữ liệu vào FILE (cả khi máy chủ đang chạy)
  chungtay restore FILE                            khôi phục dữ liệu từ FILE (dừng máy chủ trước)`;

async function withDatabase<T>(
  run: (db: Awaited<ReturnType<typeof openAndMigrate>>) => Promise<T>,
): Promise<T> {
  const database = await openAndMigrate(loadConfig());
  try {
    return await run(database);
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      await startServer(loadConfig());
      return -1; // keeps running
    case 'migrate':
      await withDatabase(async (d) => console.log(`Đã áp dụng migration (${d.kind} ${d.location}).`));
      return 0;
    case 'seed-demo': {
      const config = loadConfig();
      if (config.isProduction) {
        console.error('Không nạp dữ liệu mẫu khi NODE_ENV=production.');
        return 2;
      }
      return withDatabase(async (d) => {
        if (!(await isEmpty(d))) {
          console.error('Cơ sở dữ liệu đã có người dùng: không nạp dữ liệu mẫu.');
          return 1;
        }
        await seedDemo(d.db, systemClock);
        console.log('Đã nạp dữ liệu mẫu.');
        return 0;
      });
    }
    case 'create-admin': {
      const { values } = parseArgs({
        args: rest,
        options: {
          username: { type: 'string' },
          password: { type: 'string' },
          'full-name': { type: 'string' },
        },
      });
      if (!values.username || !values.password) {
        console.error(`Thiếu --username hoặc --password.\n\n${usage}`);
        return 2;
      }
      if (values.password.length < 10) {
        console.error('Mật khẩu tối thiểu 10 ký tự.');
        return 2;
      }
      return withDatabase(async (d) => {
        const id = await createSystemAdmin(d.db, {
          username: values.username!.toLowerCase(),
          password: values.password!,
          fullName: values['full-name'],
        });
        console.log(`Đã tạo quản trị hệ thống "${values.username}" (id ${id}).`);
        return 0;
      });
    }
    case 'import': {
      const [what, file] = rest;
      if (what === 'admin-unit-merges' && file) {
        const buf = await readFile(file);
        return withDatabase(async (d) => {
          const r = await importLegacyMapping({ db: d.db, actor: null, meta: cliMeta }, buf);
          console.log(`Đã nhập bảng chuyển đổi ${file}: ${r.total} dòng, ${r.inserted} dòng mới.`);
          return 0;
        });
      }
      if (what !== 'admin-units' || !file) {
        console.error(usage);
        return 2;
      }
      const buf = await readFile(file);
      return withDatabase(async (d) => {
        const r = await importAdminUnits({ db: d.db, actor: null, meta: cliMeta }, buf, file, (done, total) =>
          process.stdout.write(`\r  ${done}/${total}`),
        );
        console.log(
          `\nĐã nhập ${file}: ${r.total} dòng — thêm ${r.inserted}, cập nhật ${r.updated}, không đổi ${r.unchanged}.`,
        );
        return 0;
      });
    }
    case 'backup':
    case 'restore': {
      const [file] = rest;
      if (!file) {
        console.error(usage);
        return 2;
      }
      const config = loadConfig();
      const target = { databaseUrl: config.databaseUrl, dataDir: config.dataDir };
      if (command === 'backup') {
        const r = await backup(target, file);
        const size = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(r.bytes / 1048576);
        console.log(
          `Đã sao lưu vào ${file} (${size} MB${r.via === 'server' ? ', do máy chủ đang chạy tạo' : ''}).`,
        );
        return 0;
      }
      const r = await restore(target, file);
      console.log(
        `Đã khôi phục từ ${file}.${r.keptAt ? ` Dữ liệu trước khi khôi phục được giữ ở ${r.keptAt}.` : ''}`,
      );
      return 0;
    }
    default:
      console.error(usage);
      return command ? 2 : 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err) => {
    if (isAppError(err)) {
      console.error(`Lỗi (${err.code}): ${err.message}`);
      const rows = (err.details as { rows?: { line: number; field: string; message: string }[] } | undefined)
        ?.rows;
      for (const r of rows?.slice(0, 50) ?? [])
        console.error(`  dòng ${r.line}, cột ${r.field}: ${r.message}`);
      if (rows && rows.length > 50) console.error(`  … và ${rows.length - 50} lỗi khác`);
      process.exit(1);
    }
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
