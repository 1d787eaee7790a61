import { sql } from 'drizzle-orm';
import { intArray } from '../../../platform/db/arrays.ts';
import { rows, type Tx } from '../../../platform/db/database.ts';

export type StoodDown = {
  id: number;
  personId: number;
  profileId: number;
  orgPath: string;
  cancelled: boolean;
};

/**
 * Ends every live assignment of a wave on `on` (a stand-down, called by the waves' stand-down in its transaction):
 * one that has not started by then is cancelled, the others end on `on` (their range shrinks; never grows), with
 * the reason; their booked shifts after that day are cancelled. Set-based. The caller moves the returned profiles
 * to 'stood_down' (`changeProfileStatuses`) and writes the audit entry.
 */
export async function standDownAssignments(
  tx: Tx,
  waveId: number,
  on: string,
  reason: string,
): Promise<StoodDown[]> {
  const changed = await rows<StoodDown>(
    tx,
    sql`UPDATE volunteer_assignments a
        SET status = CASE WHEN a.starts_on > ${on}::date THEN 'cancelled' ELSE 'ended_early' END,
            ended_on = CASE WHEN a.starts_on > ${on}::date THEN a.ended_on
                            ELSE least(coalesce(a.ended_on, a.ends_on), ${on}::date) END,
            end_reason = ${reason}, version = a.version + 1, updated_at = now()
        WHERE a.wave_id = ${waveId} AND a.status IN ('assigned', 'deployed')
        RETURNING a.id, a.person_id AS "personId", a.profile_id AS "profileId", a.org_path::text AS "orgPath",
                  a.status = 'cancelled' AS "cancelled"`,
  );
  if (changed.length)
    await tx.execute(
      sql`UPDATE shift_signups SET status = 'cancelled'
          WHERE assignment_id = ANY(${intArray(changed.map((c) => c.id))}::int[]) AND status = 'booked'
            AND (starts_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date > ${on}::date`,
    );
  return changed;
}
