import { sql } from 'drizzle-orm';
import type { OrgKind } from '../../src/contracts/orgs.ts';
import { roleGrants, users } from '../../src/modules/users/users.tables.ts';
import { hashPassword } from '../../src/platform/auth/crypto.ts';
import { type Db, rows } from '../../src/platform/db/database.ts';

let seq = 0;
const next = () => `${Date.now().toString(36)}${(++seq).toString(36)}`;

export type BuiltOrg = { id: number; path: string; name: string; version: number };

/** Inserts an organisation directly (no audit): arrange-step data, not the behaviour under test. */
export async function buildOrg(
  db: Db,
  opts: {
    parent?: BuiltOrg;
    name?: string;
    kind?: OrgKind;
    code?: string;
    status?: 'active' | 'closed' | 'merged';
  } = {},
): Promise<BuiltOrg> {
  const name = opts.name ?? `Tổ chức thử ${next()}`;
  const [row] = await rows<{ id: number }>(
    db,
    sql`INSERT INTO organisations (parent_id, path, name, kind, code, status)
        VALUES (${opts.parent?.id ?? null}, '0', ${name}, ${opts.kind ?? 'union'}, ${opts.code ?? null}, ${opts.status ?? 'active'})
        RETURNING id`,
  );
  const path = opts.parent ? `${opts.parent.path}.${row!.id}` : String(row!.id);
  await db.execute(sql`UPDATE organisations SET path = ${path}::ltree WHERE id = ${row!.id}`);
  return { id: row!.id, path, name, version: 1 };
}

export const TEST_PASSWORD = 'Mat-khau-thu-123';
let cachedHash: Promise<string> | undefined;

export async function buildUser(
  db: Db,
  opts: { username?: string; grants?: { org: BuiltOrg; role: string }[]; password?: string } = {},
) {
  if (!cachedHash) cachedHash = hashPassword(TEST_PASSWORD);
  const passwordHash = opts.password ? await hashPassword(opts.password) : await cachedHash;
  const username = opts.username ?? `user.${next()}`;
  const [user] = await db
    .insert(users)
    .values({ username, fullName: `Người dùng ${username}`, passwordHash })
    .returning();
  for (const g of opts.grants ?? [])
    await db.insert(roleGrants).values({ userId: user!.id, orgId: g.org.id, role: g.role });
  return { id: user!.id, username, password: opts.password ?? TEST_PASSWORD };
}

/** A small forest: two provinces under one national root, a unit under each. */
export async function buildForest(db: Db) {
  const national = await buildOrg(db, { name: 'Tổng Liên đoàn Lao động Việt Nam' });
  const dienBien = await buildOrg(db, { parent: national, name: 'Liên đoàn Lao động tỉnh Điện Biên' });
  const bacNinh = await buildOrg(db, { parent: national, name: 'Liên đoàn Lao động tỉnh Bắc Ninh' });
  const dbUnit = await buildOrg(db, { parent: dienBien, name: 'Công đoàn ngành Y tế tỉnh Điện Biên' });
  const bnUnit = await buildOrg(db, { parent: bacNinh, name: 'Công đoàn các Khu công nghiệp tỉnh Bắc Ninh' });
  return { national, dienBien, bacNinh, dbUnit, bnUnit };
}
