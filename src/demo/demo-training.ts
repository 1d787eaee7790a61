import { sql } from 'drizzle-orm';
import { createPersonBody } from '../contracts/people.ts';
import {
  createClassBody,
  createRequestBody,
  scheduleRequestBody,
  workforceBody,
} from '../contracts/training.ts';
import { createPerson } from '../modules/people/people.service.ts';
import { putAttendance, putResults } from '../modules/training/attendance/attendance.service.ts';
import {
  issueClassCertificates,
  revokeCertificate,
} from '../modules/training/certificates/certificates.service.ts';
import { setSessions, setTrainers } from '../modules/training/classes/classes.schedule.service.ts';
import { changeClassStatus, createClass, getClass } from '../modules/training/classes/classes.service.ts';
import { recordWorkforce } from '../modules/training/compliance/workforce.service.ts';
import { enrolInClass } from '../modules/training/enrolment/enrolment.service.ts';
import { createRequest, scheduleRequest } from '../modules/training/requests/requests.service.ts';
import { rosterLine, rosterWorkbook, sampleWorkers } from '../modules/training/roster/roster.sample.ts';
import { commitRoster } from '../modules/training/roster/roster.service.ts';
import { createTrainer } from '../modules/training/trainers/trainers.service.ts';
import { loadActorById } from '../platform/auth/actor-loader.ts';
import { type Clock, fixedClock, vnToday } from '../platform/clock.ts';
import type { Ctx } from '../platform/context.ts';
import { type Db, rows } from '../platform/db/database.ts';

/**
 * Seed 000 in the demo, entered through the services at the dates it happened (relative to today, so the
 * demo is always current): under the 2024–2030 cooperation programme of Bắc Giang's Red Cross (Bắc Ninh's
 * since 7/2025) and the Humanitarian Services Center, Công ty TNHH Điện tử Quế Võ asks the Center to train
 * 120 workers in workplace first aid (TT 19/2016). The request becomes 4 classes of 30 with 2 trainers each;
 * the enterprise's HR sends each roster as an XLSX; the Center records attendance and results and issues
 * certificates. The first class was trained 11 months ago, so its certificates expire within the compliance
 * page's 60 days; one certificate was revoked; a first-aider class trained four; the last class is still
 * open, with free seats. Sign in as `ttdvnd` (the Center) or `nhansu.quevo` (the enterprise's HR).
 */

const DAY = 86_400_000;
const dayOf = (today: string, offset: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + offset * DAY).toISOString().slice(0, 10);

async function idOf(db: Db, name: string, kind: string): Promise<number> {
  const [row] = await rows<{ id: number }>(
    db,
    sql`SELECT id FROM organisations WHERE name = ${name} AND kind = ${kind} LIMIT 1`,
  );
  if (!row) throw new Error(`demo organisation missing: ${name}`);
  return row.id;
}

async function actorCtx(db: Db, username: string, now: Date) {
  const [u] = await rows<{ id: number }>(db, sql`SELECT id FROM users WHERE username = ${username}`);
  const actor = (await loadActorById(db, u!.id))!;
  /** The context of this user on a day (09:00 in Vietnam) or at an exact instant; never later than now. */
  return (when: string): Ctx => ({
    db,
    clock: fixedClock(
      new Date(
        Math.min(Date.parse(when.length === 10 ? `${when}T02:00:00Z` : when), now.getTime()),
      ).toISOString(),
    ),
    actor,
    meta: { ip: null, userAgent: 'seed-demo', requestId: null },
  });
}

const trainerPeople = [
  {
    fullName: 'Nguyễn Thị Minh Nguyệt',
    birthDate: '1982-09-14',
    sex: 'female' as const,
    jobTitle: 'Bác sĩ, tập huấn viên',
  },
  {
    fullName: 'Trần Quốc Khánh',
    birthDate: '1987-02-03',
    sex: 'male' as const,
    jobTitle: 'Tập huấn viên sơ cấp cứu',
  },
  {
    fullName: 'Lê Thu Hà',
    birthDate: '1990-11-20',
    sex: 'female' as const,
    jobTitle: 'Điều dưỡng, tập huấn viên',
  },
  {
    fullName: 'Phạm Văn Thành',
    birthDate: '1985-06-08',
    sex: 'male' as const,
    jobTitle: 'Tập huấn viên sơ cấp cứu',
  },
];

/** One 4-hour session (TT 19/2016: 4 h for workers) on `day`, 07:30–11:30 in Vietnam. */
const morning = (day: string, venue: string) => ({
  startsAt: `${day}T07:30:00+07:00`,
  endsAt: `${day}T11:30:00+07:00`,
  hours: 4,
  topic: 'Sơ cứu, cấp cứu ban đầu tại nơi làm việc: lý thuyết và thực hành',
  venue,
});

export async function seedTraining(db: Db, clock: Clock) {
  const today = vnToday(clock);
  const centre = await idOf(db, 'Trung tâm Dịch vụ Nhân đạo', 'service_centre');
  const queVo = await idOf(db, 'Công ty TNHH Điện tử Quế Võ', 'enterprise');
  const [course] = await rows<{ id: number }>(db, sql`SELECT id FROM course_types WHERE code = 'SCC_NLD'`);
  const hsc = await actorCtx(db, 'ttdvnd', clock.now());
  const hr = await actorCtx(db, 'nhansu.quevo', clock.now());
  const venue = 'Hội trường Công ty TNHH Điện tử Quế Võ, KCN Quế Võ, phường Quế Võ, Bắc Ninh';
  const start = dayOf(today, -335);

  await recordWorkforce(hr(start), workforceBody.parse({ orgId: queVo, asOf: start, workers: 850 }));
  const request = await createRequest(
    hr(start),
    createRequestBody.parse({
      requesterOrgId: queVo,
      providerOrgId: centre,
      courseTypeId: course!.id,
      learners: 120,
      place: venue,
      preferredFrom: dayOf(today, -320),
      preferredTo: dayOf(today, 30),
      notes:
        'Theo Chương trình phối hợp giai đoạn 2024 – 2030 giữa Hội Chữ thập đỏ tỉnh Bắc Giang (nay là Hội Chữ thập đỏ tỉnh Bắc Ninh) và Trung tâm Dịch vụ Nhân đạo: tập huấn sơ cứu, cấp cứu cho 120 công nhân, chia 4 đợt trong năm.',
    }),
  );
  const trainerIds: number[] = [];
  for (const p of trainerPeople) {
    const person = await createPerson(hsc(dayOf(start, 1)), createPersonBody.parse({ ...p, orgId: centre }));
    const t = await createTrainer(hsc(dayOf(start, 1)), {
      personId: person.id,
      orgId: centre,
      qualification: 'first_aid_instructor',
      courseCodes: [],
    });
    trainerIds.push(t.id);
  }
  const scheduled = await scheduleRequest(
    hsc(dayOf(start, 2)),
    request.id,
    scheduleRequestBody.parse({
      version: request.version,
      classSize: 30,
      codePrefix: 'QV-SCC',
      title: 'Sơ cứu, cấp cứu tại nơi làm việc – Công ty TNHH Điện tử Quế Võ',
      venue,
      pricePerLearner: 250_000,
    }),
  );
  // Class days: 11 months ago (certificates now expiring), 6 weeks and 12 days ago, and in two weeks.
  const days = [-320, -40, -12, 14].map((d) => dayOf(today, d));
  const workers = sampleWorkers(120, 2024, 0, today);
  let revoke: number | null = null;
  for (const [i, classId] of scheduled.classIds.entries()) {
    const day = days[i]!;
    const prep = dayOf(day, -10);
    await setSessions(hsc(prep), classId, { sessions: [morning(day, venue)] });
    await setTrainers(hsc(prep), classId, { trainerIds: trainerIds.slice((i % 2) * 2, (i % 2) * 2 + 2) });
    const planned = await getClass(hsc(prep), classId);
    await changeClassStatus(hsc(prep), classId, { version: planned.version, status: 'open' });
    // The last class's roster is not complete yet: 22 of 30, seats left for late registrations.
    const batch = workers.slice(i * 30, i * 30 + (i === 3 ? 22 : 30));
    await commitRoster(hr(dayOf(day, -7)), classId, await rosterWorkbook(batch.map(rosterLine)));
    if (day >= today) continue;
    const k = await getClass(hsc(`${day}T04:45:00Z`), classId);
    const learners = k.enrolments.filter((e) => e.status === 'enrolled');
    const absent = i === 1 ? learners[7]!.personId : null;
    await putAttendance(hsc(`${day}T04:45:00Z`), classId, k.sessions[0]!.id, {
      entries: learners.map((e) => ({
        personId: e.personId,
        status: e.personId === absent ? 'absent' : 'present',
      })),
    });
    await putResults(hsc(`${day}T05:00:00Z`), classId, {
      results: learners.map((e, n) =>
        e.personId === absent
          ? { personId: e.personId, absence: 'no_show' as const }
          : { personId: e.personId, theoryScore: n === 4 ? 4 : 6 + (n % 5), practiceScore: 7 + (n % 4) },
      ),
    });
    await changeClassStatus(hsc(`${day}T05:10:00Z`), classId, { version: k.version, status: 'completed' });
    const issued = await issueClassCertificates(hsc(dayOf(day, 1)), classId);
    if (i === 1) revoke = issued.issued[2]!.id;
  }
  if (revoke)
    await revokeCertificate(
      hsc(dayOf(days[1]!, 5)),
      revoke,
      'Cấp nhầm: học viên về sớm, không tham dự đủ phần thực hành; sẽ học bù ở lớp sau',
    );
  await seedFirstAiders(hsc, hr, dayOf(today, -100), centre, queVo, trainerIds, venue);
}

/** Four of the first class's workers become the enterprise's first-aiders (16 h, TT 19/2016). */
async function seedFirstAiders(
  hsc: (when: string) => Ctx,
  hr: (when: string) => Ctx,
  day: string,
  centre: number,
  queVo: number,
  trainerIds: number[],
  venue: string,
) {
  const db = hsc(day).db;
  const [course] = await rows<{ id: number }>(db, sql`SELECT id FROM course_types WHERE code = 'SCC_LLSC'`);
  const chosen = await rows<{ id: number }>(
    db,
    sql`SELECT p.id FROM people p JOIN enrolments e ON e.person_id = p.id AND e.outcome = 'pass'
        WHERE p.employer_org_id = ${queVo} ORDER BY e.id LIMIT 4`,
  );
  const prep = dayOf(day, -14);
  const k = await createClass(
    hsc(prep),
    createClassBody.parse({
      providerOrgId: centre,
      courseTypeId: course!.id,
      code: 'QV-LLSC-01',
      title: 'Lực lượng sơ cứu tại nơi làm việc – Công ty TNHH Điện tử Quế Võ',
      venue,
      capacity: 20,
      pricePerLearner: 900_000,
      paidAmount: 3_600_000,
      customerOrgId: queVo,
    }),
  );
  const sessions = [0, 1, 2, 3].map((d) => morning(dayOf(day, d), venue));
  await setSessions(hsc(prep), k.id, { sessions });
  await setTrainers(hsc(prep), k.id, { trainerIds: [trainerIds[0]!, trainerIds[3]!] });
  await changeClassStatus(hsc(prep), k.id, {
    version: (await getClass(hsc(prep), k.id)).version,
    status: 'open',
  });
  // The enterprise sends its own workers (the centre does not keep them: ids resolve in the sender's scope).
  await enrolInClass(
    hr(dayOf(day, -7)),
    k.id,
    chosen.map((p) => p.id),
  );
  const done = dayOf(day, 3);
  const results = chosen.map((p, n) => ({ personId: p.id, theoryScore: 8 + (n % 2), practiceScore: 8.5 }));
  await putResults(hsc(`${done}T05:00:00Z`), k.id, { results });
  const v = await getClass(hsc(`${done}T05:05:00Z`), k.id);
  await changeClassStatus(hsc(`${done}T05:10:00Z`), k.id, { version: v.version, status: 'completed' });
  await issueClassCertificates(hsc(dayOf(done, 1)), k.id);
}
