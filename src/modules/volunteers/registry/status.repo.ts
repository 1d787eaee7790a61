import { and, inArray, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { type VolunteerStatus, volunteerProfiles, volunteerStatusChanges } from '../volunteers.tables.ts';

/**
 * Moves profiles to a status on a day, writing one dated `volunteer_status_changes` row per profile that changes
 * (a profile already in that status is left as it is). Set-based: one UPDATE … RETURNING and one INSERT, whatever
 * the number of profiles (a wave's 375 deployments). The caller audits, in the same transaction.
 * Returns the profiles that changed, with the status they left.
 */
export async function changeProfileStatuses(
  tx: Db | Tx,
  input: {
    profileIds: number[];
    to: VolunteerStatus;
    onDate: string;
    reason: string | null;
    by: number | null;
  },
): Promise<{ id: number; personId: number; orgId: number; orgPath: string; from: VolunteerStatus }[]> {
  if (input.profileIds.length === 0) return [];
  const locked = await tx
    .select({ id: volunteerProfiles.id, status: volunteerProfiles.status })
    .from(volunteerProfiles)
    .where(and(inArray(volunteerProfiles.id, input.profileIds), ne(volunteerProfiles.status, input.to)))
    .orderBy(volunteerProfiles.id)
    .for('update');
  if (locked.length === 0) return [];
  const from = new Map(locked.map((r) => [r.id, r.status]));
  const changed = await tx
    .update(volunteerProfiles)
    .set({
      status: input.to,
      statusSince: input.onDate,
      version: sql`${volunteerProfiles.version} + 1`,
      updatedAt: new Date(),
    })
    .where(inArray(volunteerProfiles.id, [...from.keys()]))
    .returning({
      id: volunteerProfiles.id,
      personId: volunteerProfiles.personId,
      orgId: volunteerProfiles.orgId,
      orgPath: volunteerProfiles.orgPath,
    });
  await tx.insert(volunteerStatusChanges).values(
    changed.map((c) => ({
      profileId: c.id,
      fromStatus: from.get(c.id) ?? null,
      toStatus: input.to,
      onDate: input.onDate,
      reason: input.reason,
      changedBy: input.by,
    })),
  );
  return changed.map((c) => ({ ...c, from: from.get(c.id) as VolunteerStatus }));
}
