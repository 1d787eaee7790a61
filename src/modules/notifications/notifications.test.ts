import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltOrg, buildOrg, buildUser } from '../../../test/helpers/factories.ts';
import {
  countRows,
  createTestApp,
  type Session,
  signIn,
  type TestApp,
} from '../../../test/helpers/test-app.ts';
import { vnToday } from '../../platform/clock.ts';
import { rows } from '../../platform/db/database.ts';
import type { Mailer } from '../../platform/mailer.ts';
import { createMailer, noMailer } from '../../platform/mailer.ts';
import { createScheduler, registerModuleJobs } from '../../platform/scheduler.ts';
import { duePeriods, REMINDERS_JOB, reminderJob, runReportReminders } from '../plans/index.ts';
import { emailTask } from './email.job.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Seed 001's guidance, due 30/4/2021; the clock starts on 28/4 (2 days left, Vietnamese time). */
const reminderModules = [{ name: 'notifications', jobs: [reminderJob, emailTask] }];
const registerJobs = (s: Parameters<typeof registerModuleJobs>[0], m: Mailer) =>
  registerModuleJobs(s, reminderModules, m);

describe('report reminders, the daily scheduler and the notifications API', () => {
  let t: TestApp;
  let o: Record<'federation' | 'health' | 'cdcs1' | 'education' | 'tuanGiao', BuiltOrg>;
  let s: Record<'federation' | 'healthClerk' | 'eduClerk' | 'eduViewer' | 'tgClerk', Session>;
  let planId: number;
  const noticesOf = (session: Session) =>
    rows<{ id: number; kind: string; title: string; body: string; link: string; emailedAt: Date | null }>(
      t.db,
      sql`SELECT id, kind, title, body, link, emailed_at AS "emailedAt" FROM notifications
          WHERE user_id = ${session.userId} ORDER BY id`,
    );

  beforeAll(async () => {
    t = await createTestApp('2021-04-28T02:00:00Z', { SESSION_TTL_HOURS: '100000' });
    const federation = await buildOrg(t.db, { name: 'Liên đoàn Lao động tỉnh Điện Biên' });
    const health = await buildOrg(t.db, { parent: federation, name: 'Công đoàn ngành Y tế tỉnh Điện Biên' });
    o = {
      federation,
      health,
      cdcs1: await buildOrg(t.db, { parent: health, name: 'CĐCS Bệnh viện Đa khoa tỉnh' }),
      education: await buildOrg(t.db, {
        parent: federation,
        name: 'Công đoàn ngành Giáo dục tỉnh Điện Biên',
      }),
      tuanGiao: await buildOrg(t.db, { parent: federation, name: 'Công đoàn xã Tuần Giáo' }),
    };
    const u = async (org: BuiltOrg, role: string) => {
      const user = await buildUser(t.db, { grants: [{ org, role }] });
      return signIn(t, user.username, user.password);
    };
    s = {
      federation: await u(o.federation, 'org_admin'),
      healthClerk: await u(o.health, 'data_entry'),
      eduClerk: await u(o.education, 'data_entry'),
      eduViewer: await u(o.education, 'viewer'),
      tgClerk: await u(o.tuanGiao, 'data_entry'),
    };
    const created = await s.federation.post('/api/plans', {
      issuerOrgId: o.federation.id,
      kind: 'guidance',
      number: '45/HD-LĐLĐ',
      title: 'Hưởng ứng "Ngày toàn dân hiến máu tình nguyện" 7/4/2021',
      issuedOn: '2021-03-22',
      periodStart: '2021-04-01',
      periodEnd: '2021-04-30',
      reportPeriodType: 'once',
      reportDueOn: '2021-04-30',
      reporterOrgIds: [o.cdcs1.id, o.education.id, o.tuanGiao.id],
      indicators: [{ code: 'DV_MAU', name: 'Đơn vị máu tiếp nhận', unit: 'đơn vị', kind: 'count' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    planId = created.json().id;
    const issued = await s.federation.post(`/api/plans/${planId}/issue`, { version: created.json().version });
    expect(issued.statusCode, issued.body).toBe(200);
    // Issuing told the recipients' users (plan_issued); these tests are about the reminders that follow.
    const told = await rows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM notifications WHERE kind = 'plan_issued'`,
    );
    expect(told[0]!.n).toBeGreaterThan(0);
    await t.db.execute(sql`DELETE FROM notifications WHERE kind = 'plan_issued'`);
    const indicatorId = created.json().indicators[0].id;
    const submitted = await s.tgClerk.post(`/api/plans/${planId}/reports`, {
      orgId: o.tuanGiao.id,
      periodKey: 'once',
      version: 0,
      submit: true,
      values: [{ indicatorId, value: 120 }],
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
  });

  it('sends a due-soon notice to the clerks of units that have not submitted, once a day', async () => {
    const scheduler = createScheduler({ db: t.db, clock: t.clock });
    registerJobs(scheduler, noMailer);
    expect(await scheduler.tick()).toEqual([
      { name: REMINDERS_JOB, ran: true, result: 'ok: 2 due-soon, 0 overdue notices' },
    ]);

    const [notice, ...more] = await noticesOf(s.eduClerk);
    expect(more).toEqual([]);
    expect(notice).toMatchObject({
      kind: 'due_soon',
      title: 'Sắp đến hạn báo cáo: 45/HD-LĐLĐ — hạn 30/04/2021',
      link: `/plans/${planId}/report?orgId=${o.education.id}&period=once`,
    });
    expect(notice!.body).toContain('Công đoàn ngành Giáo dục tỉnh Điện Biên');
    expect(notice!.body).toContain('còn 2 ngày');
    // The grassroots union has no account: the sector union above it, which reports for it, is told.
    expect((await noticesOf(s.healthClerk)).map((n) => n.link)).toEqual([
      `/plans/${planId}/report?orgId=${o.cdcs1.id}&period=once`,
    ]);
    // Submitted already; cannot write reports; the issuer (who sees missing units on its dashboard): no reminder.
    // (The federation was told of Tuần Giáo's submission when it came in: that notice is for review, not a reminder.)
    const reminders = async (who: typeof s.federation) =>
      (await noticesOf(who)).filter((n) => n.kind !== 'report_submitted');
    for (const quiet of [s.tgClerk, s.eduViewer, s.federation]) expect(await reminders(quiet)).toEqual([]);
    expect((await noticesOf(s.federation)).map((n) => n.kind)).toEqual(['report_submitted']);

    // Twice the same day: the scheduler does not run it again, and running the job itself creates nothing.
    expect(await scheduler.tick()).toEqual([{ name: REMINDERS_JOB, ran: false }]);
    const again = await runReportReminders({
      db: t.db,
      clock: t.clock,
      today: vnToday(t.clock),
      log: console,
      mailer: noMailer,
    });
    expect(again).toBe('0 due-soon, 0 overdue notices');
    expect(await countRows(t.db, 'notifications', sql`kind <> 'report_submitted'`)).toBe(2);
    expect(await countRows(t.db, 'audit_log', sql`action = 'remind' AND entity_id = ${String(planId)}`)).toBe(
      1,
    );
  });

  it('sends an overdue notice the day after the due date, to a restarted instance', async () => {
    t.clock.set('2021-05-01T01:00:00Z'); // 08:00 on 1/5 in Vietnam
    const restarted = createScheduler({ db: t.db, clock: t.clock });
    registerJobs(restarted, noMailer);
    expect((await restarted.tick())[0]).toMatchObject({ ran: true });
    const notices = await noticesOf(s.eduClerk);
    expect(notices.map((n) => [n.kind, n.title])).toEqual([
      ['due_soon', 'Sắp đến hạn báo cáo: 45/HD-LĐLĐ — hạn 30/04/2021'],
      ['overdue', 'Quá hạn báo cáo: 45/HD-LĐLĐ — hạn 30/04/2021'],
    ]);
    expect(notices[1]!.body).toContain('đã quá hạn 1 ngày');
    expect(await noticesOf(s.tgClerk)).toEqual([]);
  });

  it('stops overdue notices 60 days after the due date, and when the form locks', () => {
    const monthly = {
      id: 1,
      number: '12/KH',
      title: 'Chương trình ATVSLĐ',
      issuerOrgId: 1,
      issuerPath: '1',
      reportPeriodType: 'monthly' as const,
      periodStart: '2024-01-01',
      periodEnd: '2024-12-31',
      reportDueOn: null,
      reportDueDays: 10,
      reportLockDays: null,
    };
    // 2024-05-08: May's report is due 10/6 (not yet), April's 10/5 (due soon), March's 10/4 (28 days late),
    // February's 10/3 (59 days late); January's 10/2 is 88 days late: no notice any more.
    expect(duePeriods(monthly, '2024-05-08').map((p) => [p.key, p.kind])).toEqual([
      ['2024-02', 'overdue'],
      ['2024-03', 'overdue'],
      ['2024-04', 'due_soon'],
    ]);
    expect(duePeriods({ ...monthly, reportLockDays: 30 }, '2024-05-08').map((p) => p.key)).toEqual([
      '2024-03',
      '2024-04',
    ]);
  });

  it('runs a daily job once across instances sharing the database, again after a missed day, and survives a failure', async () => {
    t.clock.set('2021-06-01T03:00:00Z');
    let runs = 0;
    const countingJob = async () => {
      runs++;
      await sleep(30); // long enough for the other instance's claim to meet this one
      return undefined;
    };
    const a = createScheduler({ db: t.db, clock: t.clock });
    const b = createScheduler({ db: t.db, clock: t.clock });
    a.registerDailyJob('counting', countingJob);
    b.registerDailyJob('counting', countingJob);
    const [ra, rb] = await Promise.all([a.tick(), b.tick()]);
    expect(runs).toBe(1);
    expect([ra[0]!.ran, rb[0]!.ran].sort()).toEqual([false, true]);

    const restarted = createScheduler({ db: t.db, clock: t.clock });
    restarted.registerDailyJob('counting', countingJob);
    expect((await restarted.tick())[0]!.ran).toBe(false);
    expect(runs).toBe(1);

    t.clock.set('2021-06-03T03:00:00Z'); // the instance was down on 2/6: the next start runs it
    await restarted.tick();
    expect(runs).toBe(2);
    const [row] = await rows<{ lastRunOn: string; lastResult: string }>(
      t.db,
      sql`SELECT last_run_on::text AS "lastRunOn", last_result AS "lastResult" FROM scheduled_jobs WHERE name = 'counting'`,
    );
    expect(row).toEqual({ lastRunOn: '2021-06-03', lastResult: 'ok' });

    // A job held until office hours: not at 05:00 in Vietnam, at 07:30 yes.
    const morning = createScheduler({ db: t.db, clock: t.clock });
    morning.registerDailyJob('morning', countingJob, { notBeforeHour: 7 });
    t.clock.set('2021-06-03T22:00:00Z');
    expect(await morning.tick()).toEqual([{ name: 'morning', ran: false }]);
    t.clock.set('2021-06-04T00:30:00Z');
    expect(await morning.tick()).toEqual([{ name: 'morning', ran: true, result: 'ok' }]);

    // A failing job is recorded and logged, the tick resolves, and the next tick retries it.
    let attempts = 0;
    const logged: string[] = [];
    const flaky = createScheduler({
      db: t.db,
      clock: t.clock,
      log: { info: () => {}, error: (_o, msg) => logged.push(msg) },
    });
    flaky.registerDailyJob('flaky', async () => {
      attempts++;
      if (attempts === 1) throw new Error('máy chủ thư không trả lời');
      return 'done';
    });
    expect(await flaky.tick()).toEqual([
      { name: 'flaky', ran: true, result: 'error: máy chủ thư không trả lời' },
    ]);
    expect(logged).toEqual(['Scheduled job flaky failed']);
    expect(await flaky.tick()).toEqual([{ name: 'flaky', ran: true, result: 'ok: done' }]);
    expect(await flaky.tick()).toEqual([{ name: 'flaky', ran: false }]);
  });

  describe('e-mail over SMTP', () => {
    const received: { to: string[]; raw: string }[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, done) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString(),
          });
          done();
        });
      },
    });
    let port = 0;
    beforeAll(async () => {
      await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
      port = (smtp.server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

    it('mails new notices to users with an address, retries after a failure, and never twice', async () => {
      await t.db.execute(
        sql`UPDATE users SET email = 'nhaplieu.giaoduc@example.vn' WHERE id = ${s.eduClerk.userId}`,
      );
      // An SMTP server that is down: nothing is marked sent, the tick still resolves.
      const closedPort = await new Promise<number>((resolve) => {
        const probe = createServer().listen(0, '127.0.0.1', () => {
          const p = (probe.address() as AddressInfo).port;
          probe.close(() => resolve(p));
        });
      });
      const downMailer = createMailer(`smtp://127.0.0.1:${closedPort}`);
      const down = createScheduler({ db: t.db, clock: t.clock, mailer: downMailer });
      registerJobs(down, downMailer);
      const failed = await down.tick();
      expect(failed.find((r) => r.name === 'notification-emails')?.result).toMatch(
        /^error: 0 e-mails sent, 1 failed/,
      );
      expect((await noticesOf(s.eduClerk)).every((n) => n.emailedAt === null)).toBe(true);

      const mailer = createMailer(`smtp://127.0.0.1:${port}?from=chungtay@ldld-dienbien.vn`);
      const up = createScheduler({ db: t.db, clock: t.clock, mailer });
      registerJobs(up, mailer);
      const ok = await up.tick();
      expect(ok.find((r) => r.name === 'notification-emails')?.result).toBe('ok: 2 e-mails sent');
      expect(received.map((m) => m.to)).toEqual([
        ['nhaplieu.giaoduc@example.vn'],
        ['nhaplieu.giaoduc@example.vn'],
      ]);
      const mails = received.map((m) => decodeMail(m.raw));
      expect(mails.map((m) => m.subject)).toEqual([
        'Sắp đến hạn báo cáo: 45/HD-LĐLĐ — hạn 30/04/2021',
        'Quá hạn báo cáo: 45/HD-LĐLĐ — hạn 30/04/2021',
      ]);
      const mail = mails[1]!;
      expect(mail.from).toContain('chungtay@ldld-dienbien.vn');
      expect(mail.text).toContain('Công đoàn ngành Giáo dục tỉnh Điện Biên');
      expect(mail.text).toContain(`/plans/${planId}/report?orgId=${o.education.id}&period=once`);
      expect((await noticesOf(s.eduClerk)).every((n) => n.emailedAt !== null)).toBe(true);
      // The health clerk has no address: the notice stays in the app only.
      expect((await noticesOf(s.healthClerk)).every((n) => n.emailedAt === null)).toBe(true);

      await up.tick();
      expect(received).toHaveLength(2);
      mailer.close();
    });
  });

  it('lists the caller’s own notices, marks them read, and hides other users’ notices', async () => {
    const list = await s.eduClerk.get('/api/notifications');
    expect(list.statusCode, list.body).toBe(200);
    const page = list.json();
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 50, unreadCount: 2 });
    expect(page.items.map((n: { kind: string }) => n.kind)).toEqual(['overdue', 'due_soon']); // newest first
    expect(page.items[0]).toMatchObject({
      title: 'Quá hạn báo cáo: 45/HD-LĐLĐ — hạn 30/04/2021',
      link: `/plans/${planId}/report?orgId=${o.education.id}&period=once`,
      readAt: null,
    });
    const [overdue, dueSoon] = page.items as { id: number }[];

    expect((await s.healthClerk.post(`/api/notifications/${overdue!.id}/read`)).statusCode).toBe(404);
    const read = await s.eduClerk.post(`/api/notifications/${overdue!.id}/read`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().readAt).toBe(t.clock.now().toISOString());

    const unread = (await s.eduClerk.get('/api/notifications?unreadOnly=true')).json();
    expect(unread).toMatchObject({ total: 1, unreadCount: 1 });
    expect(unread.items[0].id).toBe(dueSoon!.id);
    expect((await s.healthClerk.get('/api/notifications')).json()).toMatchObject({
      total: 2,
      unreadCount: 2,
    });

    expect((await s.eduClerk.post('/api/notifications/read-all')).json()).toEqual({
      marked: 1,
      unreadCount: 0,
    });
    expect((await s.eduClerk.get('/api/notifications?unreadOnly=true')).json()).toMatchObject({
      items: [],
      unreadCount: 0,
    });
    // The other user's notice is untouched.
    expect((await s.healthClerk.get('/api/notifications')).json().unreadCount).toBe(2);
  });
});

/** Just enough MIME decoding for the test: From, the encoded-word Subject, a QP or base64 UTF-8 body. */
function decodeMail(raw: string) {
  const [head = '', ...rest] = raw.split('\r\n\r\n');
  const headers = head.replace(/\r\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(headers)?.[1] ?? '';
  const words = header('Subject').replace(/\?=\s+=\?/g, '?==?');
  const subject = words.replace(/=\?utf-8\?([BQ])\?(.*?)\?=/gi, (_m, enc: string, data: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : qp(data.replace(/_/g, ' ')),
  );
  const body = rest.join('\r\n\r\n');
  const text = /base64/i.test(header('Content-Transfer-Encoding'))
    ? Buffer.from(body, 'base64').toString('utf8')
    : qp(body.replace(/=\r\n/g, ''));
  return { from: header('From'), subject, text };
}

function qp(s: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=' && /^[0-9A-F]{2}$/i.test(s.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(s[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}
