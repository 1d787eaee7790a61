import { eq, sql } from 'drizzle-orm';
import { byVietnameseName } from '../../../contracts/names.ts';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';
import { attendance, enrolments } from '../training.tables.ts';

/** SQL of attendance and results. */

export type AttendanceEntry = {
  personId: number;
  fullName: string;
  status: 'present' | 'absent' | 'late' | 'left_early' | null;
};

/** The enrolled learners of a class with their attendance of one of its sessions, in the signature sheet's order. */
export async function attendanceOf(db: Db, classId: number, sessionId: number): Promise<AttendanceEntry[]> {
  const list = await rows<AttendanceEntry>(
    db,
    sql`SELECT e.person_id AS "personId", p.full_name AS "fullName", a.status
        FROM enrolments e JOIN people p ON p.id = e.person_id
        JOIN class_sessions s ON s.id = ${sessionId} AND s.class_id = e.class_id
        LEFT JOIN attendance a ON a.enrolment_id = e.id AND a.session_id = s.id
        WHERE e.class_id = ${classId} AND e.status = 'enrolled' ORDER BY e.id`,
  );
  return byVietnameseName(list, (e) => e.fullName);
}

export async function saveAttendance(
  tx: Tx,
  enrolmentId: number,
  sessionId: number,
  status: NonNullable<AttendanceEntry['status']>,
): Promise<void> {
  await tx
    .insert(attendance)
    .values({ enrolmentId, sessionId, status })
    .onConflictDoUpdate({ target: [attendance.enrolmentId, attendance.sessionId], set: { status } });
}

export async function saveResult(
  tx: Tx,
  enrolmentId: number,
  r: {
    theoryScore: number | null;
    practiceScore: number | null;
    outcome: 'pass' | 'fail' | 'no_show' | 'left_early';
  },
): Promise<void> {
  await tx
    .update(enrolments)
    .set({ ...r, version: sql`${enrolments.version} + 1` })
    .where(eq(enrolments.id, enrolmentId));
}
