import { sql } from 'drizzle-orm';
import { loadBuiltInAdminUnits } from '../modules/admin-units/index.ts';
import { mergeOrg } from '../modules/orgs/orgs.history.service.ts';
import { organisationEvents } from '../modules/orgs/orgs.tables.ts';
import { roleGrants, users } from '../modules/users/users.tables.ts';
import { loadActorById } from '../platform/auth/actor-loader.ts';
import { hashPassword } from '../platform/auth/crypto.ts';
import type { Clock } from '../platform/clock.ts';
import { type Db, rows } from '../platform/db/database.ts';
import { seedBlood } from './demo-blood.ts';
import { DEMO_PASSWORD, type DemoOrg, demoForest, demoMerges, demoUsers } from './demo-data.ts';
import { amendOshProgramme, seedBloodDonation2021, seedCurrentPlan, seedOshProgramme } from './demo-plans.ts';
import { seedTraining } from './demo-training.ts';
import { seedVolunteers } from './demo-volunteers.ts';

async function insertTree(
  db: Db,
  node: DemoOrg,
  parent: { id: number; path: string } | null,
  keys: Map<string, number>,
) {
  const [row] = await rows<{ id: number }>(
    db,
    sql`INSERT INTO organisations (parent_id, path, name, short_name, code, kind, admin_unit_code, address, phone, established_on)
        VALUES (${parent?.id ?? null}, '0', ${node.name}, ${node.shortName ?? null}, ${node.code ?? null}, ${node.kind},
                ${node.au ?? null}, ${node.address ?? null}, ${node.phone ?? null}, ${node.est ?? '2020-01-01'})
        RETURNING id`,
  );
  const id = row!.id;
  const path = parent ? `${parent.path}.${id}` : String(id);
  await db.execute(sql`UPDATE organisations SET path = ${path}::ltree WHERE id = ${id}`);
  await db
    .insert(organisationEvents)
    .values({ orgId: id, type: 'created', effectiveOn: node.est ?? '2020-01-01', data: { name: node.name } });
  if (node.key) keys.set(node.key, id);
  for (const child of node.children ?? []) await insertTree(db, child, { id, path }, keys);
}

/** Loads the demo dataset into an empty database. Never called in production. */
export async function seedDemo(db: Db, clock: Clock): Promise<void> {
  // Demo organisations have real commune addresses (admin_unit_code): the list every installation gets on
  // its first start, loaded here too whichever runs first (`chungtay seed-demo` runs no start hook).
  await loadBuiltInAdminUnits(db, clock);
  const keys = new Map<string, number>();
  for (const root of demoForest) await insertTree(db, root, null, keys);

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of demoUsers) {
    const [user] = await db
      .insert(users)
      .values({ username: u.username, fullName: u.fullName, passwordHash })
      .returning();
    for (const [orgKey, role] of u.grants) {
      await db.insert(roleGrants).values({ userId: user!.id, orgId: keys.get(orgKey)!, role });
    }
  }
  // The 2025 reform goes through the same service a user would use, so history and audit are real.
  const [admin] = await rows<{ id: number }>(db, sql`SELECT id FROM users WHERE username = 'admin'`);
  const actor = (await loadActorById(db, admin!.id))!;
  const ctx = { db, clock, actor, meta: { ip: null, userAgent: 'seed-demo', requestId: null } };
  // Seed 001's records first (Điện Biên's donors, the drives of 7/4/2021, clubs, a rare-blood call-out, honours),
  // as they stood in 2021: the unions' reports of 45/HD-LĐLĐ are filed from them, and the 2025 mergers below move
  // them with their units like any other record.
  await seedBlood(db, clock);
  await seedBloodDonation2021(db, ctx);
  const osh = await seedOshProgramme(db, ctx);
  for (const [from, into, on] of demoMerges) {
    const [org] = await rows<{ version: number }>(
      db,
      sql`SELECT version FROM organisations WHERE id = ${keys.get(from)!}`,
    );
    await mergeOrg(ctx, keys.get(from)!, { version: org!.version, intoId: keys.get(into)!, effectiveOn: on });
  }
  await amendOshProgramme(db, ctx, osh);
  await seedCurrentPlan(db, ctx, clock);
  await seedTraining(db, clock);
  // Seed 004: the medical training institutions' volunteer registries and waves 1–2 of 2021, set-based.
  await seedVolunteers(db);
}
