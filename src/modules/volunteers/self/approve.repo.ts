import { sql } from 'drizzle-orm';
import { rows, type Tx } from '../../../platform/db/database.ts';
import { volunteerProfiles, volunteerQualifications, volunteerStatusChanges } from '../volunteers.tables.ts';

/** The profile the person already has at the institution, if any. */
export async function existingProfile(tx: Tx, personId: number, orgId: number) {
  const [row] = await rows<{ id: number }>(
    tx,
    sql`SELECT id FROM volunteer_profiles WHERE person_id = ${personId} AND org_id = ${orgId}`,
  );
  return row;
}

/** A registered profile with its first status row (the registration) and the skills the applicant declared. */
export async function insertRegisteredProfile(
  tx: Tx,
  v: Omit<typeof volunteerProfiles.$inferInsert, 'status'> & { skills: string[] },
) {
  const { skills, ...profile } = v;
  const [row] = await tx
    .insert(volunteerProfiles)
    .values({ ...profile, status: 'registered' })
    .returning({ id: volunteerProfiles.id });
  const id = row!.id;
  await tx.insert(volunteerStatusChanges).values({
    profileId: id,
    fromStatus: null,
    toStatus: 'registered',
    onDate: v.statusSince,
    reason: 'Đăng ký qua liên kết tự đăng ký, đã được duyệt',
    changedBy: v.createdBy ?? null,
  });
  if (skills.length > 0)
    await tx.insert(volunteerQualifications).values(skills.map((skill) => ({ profileId: id, skill })));
  return id;
}

/** The account of the person, if they have one (to notify them). */
export async function accountOfPerson(tx: Tx, personId: number) {
  const [row] = await rows<{ id: number }>(
    tx,
    sql`SELECT id FROM users WHERE person_id = ${personId} AND is_active`,
  );
  return row;
}
