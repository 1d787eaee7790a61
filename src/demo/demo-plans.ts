import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { amendPlanBody, createPlanBody, saveReportBody } from '../contracts/plans.ts';
import { reportActuals } from '../modules/plans/activities/activities.service.ts';
import { amendPlan } from '../modules/plans/lifecycle/amend.service.ts';
import { createPlan, issuePlan } from '../modules/plans/lifecycle/lifecycle.service.ts';
import { reportForm } from '../modules/plans/reports/report-form.service.ts';
import { saveReport } from '../modules/plans/reports/reports.service.ts';
import { reviewReport } from '../modules/plans/reports/review.service.ts';
import { setTargets } from '../modules/plans/targets/targets.service.ts';
import { type Clock, fixedClock, vnDay } from '../platform/clock.ts';
import type { Ctx } from '../platform/context.ts';
import { type Db, rows } from '../platform/db/database.ts';

/**
 * Demo plans, entered through the same services people use, at the dates they happened (the clock is set
 * for each step), so lateness, audit and roll-ups are real:
 * - seed 001: the Điện Biên labour federation's guidance 45/HD-LĐLĐ for blood donation day 7/4/2021, with
 *   units on time, late and missing, their reports filed from the donation records (demo-blood.ts, seeded first);
 * - seed 003: Bắc Ninh's OSH programme 2022–2025 (Decision 2489/QĐ-UBND), yearly reports and activity lines,
 *   amended in 2025 when the departments merged;
 * - a plan running now (dates relative to today), so a unit can report on time in the demo.
 */

type ActorCtx = Omit<Ctx, 'clock'>;
type PlanInput = z.input<typeof createPlanBody>;
type Values = z.input<typeof saveReportBody>['values'];

async function idOf(db: Db, name: string): Promise<number> {
  const [row] = await rows<{ id: number }>(
    db,
    sql`SELECT id FROM organisations WHERE name = ${name} LIMIT 1`,
  );
  if (!row) throw new Error(`demo organisation missing: ${name}`);
  return row.id;
}

const at = (base: ActorCtx, iso: string): Ctx => ({ ...base, clock: fixedClock(iso) });

async function planWith(base: ActorCtx, when: string, input: PlanInput) {
  const ctx = at(base, when);
  const draft = await createPlan(ctx, createPlanBody.parse(input));
  const plan = await issuePlan(ctx, draft.id, draft.version);
  const ind = (code: string) => plan.indicators.find((i) => i.code === code)!.id;
  return { plan, ind };
}

async function target(
  ctx: Ctx,
  planId: number,
  indicatorId: number,
  targets: [number, number][],
  periodKey = '*',
) {
  await setTargets(ctx, planId, {
    indicatorId,
    periodKey,
    targets: targets.map(([orgId, value]) => ({ orgId, value })),
  });
}

async function submit(
  base: ActorCtx,
  when: string,
  planId: number,
  orgId: number,
  periodKey: string,
  values: Values,
) {
  return saveReport(
    at(base, when),
    planId,
    saveReportBody.parse({ orgId, periodKey, version: 0, values, submit: true }),
  );
}

/** Seed 001, issued 22/3/2021 to the federation's units of the time (before the 2025 reform). */
export async function seedBloodDonation2021(db: Db, base: ActorCtx) {
  const fed = await idOf(db, 'Liên đoàn Lao động tỉnh Điện Biên');
  const u = {
    health: await idOf(db, 'Công đoàn ngành Y tế tỉnh Điện Biên'),
    education: await idOf(db, 'Công đoàn ngành Giáo dục tỉnh Điện Biên'),
    civil: await idOf(db, 'Công đoàn Viên chức tỉnh Điện Biên'),
    tuanGiao: await idOf(db, 'Liên đoàn Lao động huyện Tuần Giáo'),
    city: await idOf(db, 'Liên đoàn Lao động thành phố Điện Biên Phủ'),
  };
  const issued = '2021-03-22T02:00:00Z';
  const { plan, ind } = await planWith(base, issued, {
    issuerOrgId: fed,
    kind: 'guidance',
    number: '45/HD-LĐLĐ',
    title: 'Hưởng ứng “Ngày toàn dân hiến máu tình nguyện” 7/4/2021',
    issuedOn: '2021-03-22',
    periodStart: '2021-04-01',
    periodEnd: '2021-04-30',
    legalBases: [
      'Hướng dẫn số 19/HD-TLĐ ngày 15/3/2021 của Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam về việc hưởng ứng “Ngày toàn dân hiến máu tình nguyện” 07/4/2021',
    ],
    objectives:
      'Nâng cao nhận thức của đoàn viên, công nhân viên chức lao động về ý nghĩa của hiến máu cứu người; đẩy mạnh tuyên truyền, vận động đoàn viên tham gia hiến máu tình nguyện, cao điểm ngày 07/4/2021.',
    reportPeriodType: 'once',
    reportDueOn: '2021-04-30',
    reporterOrgIds: Object.values(u),
    copyOrgIds: [await idOf(db, 'Hội Chữ thập đỏ tỉnh Điện Biên')],
    indicators: [
      { code: 'HD', name: 'Công đoàn có chỉ đạo và hoạt động cụ thể hưởng ứng', kind: 'yes_no' },
      {
        code: 'TL_HM',
        name: 'Cán bộ, đoàn viên tham gia hiến máu',
        kind: 'ratio',
        // Seed 001 in records: the form opens with the members who donated and the declared member count.
        source: 'blood.member_share',
        numeratorLabel: 'Số người tham gia hiến máu',
        denominatorLabel: 'Tổng số cán bộ, đoàn viên',
        breakdown: {
          label: 'Giới tính',
          categories: [
            { code: 'NAM', label: 'Nam' },
            { code: 'NU', label: 'Nữ' },
          ],
        },
      },
      {
        code: 'DV_MAU',
        name: 'Đơn vị máu tiếp nhận trong tháng 4/2021',
        unit: 'đơn vị',
        kind: 'count',
        source: 'blood.units_organised',
        goalPercent: 105,
      },
    ],
    activities: [
      {
        type: 'communication',
        title:
          'Tuyên truyền trên các phương tiện thông tin của công đoàn từ 01/4 đến 30/4, cao điểm ngày 07/4/2021',
        leadOrgId: fed,
        startsOn: '2021-04-01',
        endsOn: '2021-04-30',
        outputs: [
          { metric: 'articles', planned: 20 },
          { metric: 'materials', planned: 200 },
        ],
      },
      {
        type: 'campaign_event',
        title: 'Phối hợp Ban chỉ đạo hiến máu tình nguyện tổ chức tiếp nhận máu',
        leadOrgId: await idOf(db, 'Hội Chữ thập đỏ tỉnh Điện Biên'),
        partnerOrgIds: [fed],
        startsOn: '2021-04-07',
        endsOn: '2021-04-07',
        outputs: [
          { metric: 'events', planned: 3 },
          { metric: 'participants', planned: 1000 },
        ],
      },
      {
        type: 'commendation',
        title: 'Biểu dương, khen thưởng cá nhân, tập thể tiêu biểu trong hiến máu tình nguyện',
        leadOrgId: fed,
        outputs: [{ metric: 'participants', planned: 10 }],
      },
    ],
  });
  const ctx = at(base, issued);
  // Chỉ tiêu: 100% of units act; ≥ 30% of members donate; the quota set by the steering committee, +5%.
  await target(ctx, plan.id, ind('HD'), [[fed, 100]]);
  await target(ctx, plan.id, ind('TL_HM'), [[fed, 30]]);
  await target(ctx, plan.id, ind('DV_MAU'), [[fed, 1000]]);
  await target(ctx, plan.id, ind('DV_MAU'), [
    [u.health, 300],
    [u.education, 250],
    [u.civil, 100],
    [u.tuanGiao, 150],
    [u.city, 150],
  ]);
  // Each union opens its form, which the records fill (members who gave blood by sex against its headcount, units
  // its drive collected), says it acted, and submits: nobody retypes a number.
  const fromRecords = async (when: string, orgId: number) => {
    const form = await reportForm(at(base, when), plan.id, orgId, 'once');
    const values: Values = [
      { indicatorId: ind('HD'), value: 1 },
      ...form.values.map((v) => ({
        indicatorId: v.indicatorId,
        value: v.value,
        denominator: v.denominator ?? undefined,
        breakdown: v.breakdown ?? undefined,
      })),
    ];
    return submit(base, when, plan.id, orgId, 'once', values);
  };
  await fromRecords('2021-04-27T03:00:00Z', u.health);
  await fromRecords('2021-04-29T09:30:00Z', u.city);
  const education = await fromRecords('2021-04-30T08:00:00Z', u.education);
  // Late: the civil servants' union reported on 6/5; Tuần Giáo never did.
  await fromRecords('2021-05-06T02:00:00Z', u.civil);
  await reviewReport(at(base, '2021-05-07T02:00:00Z'), plan.id, education.id, {
    version: education.version,
    decision: 'accept',
  });
  const media = plan.activities[0]!;
  await reportActuals(at(base, '2021-05-05T02:00:00Z'), plan.id, media.id, {
    version: media.version,
    outputs: [
      { metric: 'articles', actual: 26 },
      { metric: 'materials', actual: 350 },
    ],
  });
  return plan.id;
}

/** Seed 003, issued 2022; its yearly reports, before the departments merged on 1/3/2025. */
export async function seedOshProgramme(db: Db, base: ActorCtx) {
  const ubnd = await idOf(db, 'Ủy ban nhân dân tỉnh Bắc Ninh');
  const labour = await idOf(db, 'Sở Lao động - Thương binh và Xã hội tỉnh Bắc Ninh');
  const ict = await idOf(db, 'Sở Thông tin và Truyền thông tỉnh Bắc Ninh');
  const parks = await idOf(db, 'Ban Quản lý các Khu công nghiệp tỉnh Bắc Ninh');
  const federation = await idOf(db, 'Liên đoàn Lao động tỉnh Bắc Ninh');
  const redCross = await idOf(db, 'Hội Chữ thập đỏ tỉnh Bắc Ninh');
  const issued = '2022-03-15T02:00:00Z';
  const { plan, ind } = await planWith(base, issued, {
    issuerOrgId: ubnd,
    kind: 'programme',
    number: '2489/QĐ-UBND',
    title: 'Chương trình an toàn, vệ sinh lao động tỉnh Bắc Ninh giai đoạn 2022–2025',
    issuedOn: '2022-03-15',
    periodStart: '2022-01-01',
    periodEnd: '2025-12-31',
    legalBases: [
      'Luật An toàn, vệ sinh lao động năm 2015',
      'Nghị định số 44/2016/NĐ-CP ngày 15/5/2016 của Chính phủ',
    ],
    objectives:
      'Chăm lo cải thiện điều kiện làm việc, phòng ngừa tai nạn lao động và bệnh nghề nghiệp, chăm sóc sức khỏe người lao động; ưu tiên ngành nghề có nguy cơ cao, doanh nghiệp vừa và nhỏ, hợp tác xã và làng nghề.',
    reportPeriodType: 'yearly',
    reportDueDays: 15,
    reporterOrgIds: [labour, ict, parks],
    copyOrgIds: [federation, redCross],
    indicators: [
      {
        code: 'HL_ATVSLD',
        name: 'Người được huấn luyện an toàn, vệ sinh lao động',
        unit: 'người',
        kind: 'count',
        breakdown: {
          label: 'Nhóm huấn luyện',
          categories: [
            { code: 'N1', label: 'Nhóm 1' },
            { code: 'N2', label: 'Nhóm 2' },
            { code: 'N3', label: 'Nhóm 3' },
            { code: 'N4', label: 'Nhóm 4' },
            { code: 'N5', label: 'Nhóm 5' },
            { code: 'N6', label: 'Nhóm 6' },
          ],
        },
      },
      { code: 'KT', name: 'Cuộc thanh tra, kiểm tra về ATVSLĐ', unit: 'cuộc', kind: 'count' },
      {
        code: 'DN_HTQL',
        name: 'Doanh nghiệp được kiểm tra có áp dụng hệ thống quản lý ATVSLĐ',
        kind: 'ratio',
        numeratorLabel: 'Doanh nghiệp áp dụng',
        denominatorLabel: 'Doanh nghiệp được kiểm tra',
      },
      { code: 'THD', name: 'Hưởng ứng Tháng hành động về ATVSLĐ (tháng 5)', kind: 'yes_no' },
    ],
    activities: [
      {
        type: 'communication',
        title:
          'Thông tin, tuyên truyền về phòng chống tai nạn lao động, bệnh nghề nghiệp trên báo chí, cổng thông tin',
        leadOrgId: ict,
        partnerOrgIds: [labour, federation],
        startsOn: '2022-01-01',
        endsOn: '2025-12-31',
        outputs: [
          { metric: 'articles', planned: 200 },
          { metric: 'materials', planned: 20000 },
        ],
      },
      {
        type: 'training',
        title:
          'Huấn luyện ATVSLĐ cho người lao động trong các khu công nghiệp (nhóm 4) và người làm công tác y tế (nhóm 5)',
        leadOrgId: parks,
        partnerOrgIds: [redCross, federation],
        startsOn: '2022-04-01',
        endsOn: '2025-11-30',
        outputs: [
          { metric: 'events', planned: 80 },
          { metric: 'participants', planned: 12000 },
        ],
      },
      {
        type: 'inspection',
        title: 'Thanh tra, kiểm tra việc chấp hành pháp luật về ATVSLĐ tại doanh nghiệp',
        leadOrgId: labour,
        partnerOrgIds: [parks],
        outputs: [{ metric: 'units_covered', planned: 600 }],
      },
      {
        type: 'visit',
        title: 'Thăm hỏi, động viên người lao động bị tai nạn lao động, bệnh nghề nghiệp và thân nhân',
        leadOrgId: federation,
        partnerOrgIds: [labour],
        outputs: [
          { metric: 'people_reached', planned: 400 },
          { metric: 'money', planned: 800_000_000 },
        ],
      },
      {
        type: 'contest',
        title: 'Hội thi an toàn vệ sinh viên giỏi',
        leadOrgId: federation,
        startsOn: '2024-05-01',
        endsOn: '2024-05-31',
        outputs: [{ metric: 'participants', planned: 300 }],
      },
      {
        type: 'commendation',
        title: 'Tổng kết Chương trình, biểu dương, khen thưởng tập thể và cá nhân tiêu biểu',
        leadOrgId: labour,
        startsOn: '2025-12-01',
        endsOn: '2025-12-31',
      },
    ],
  });
  const ctx = at(base, issued);
  await target(ctx, plan.id, ind('HL_ATVSLD'), [[ubnd, 15000]]);
  await target(ctx, plan.id, ind('HL_ATVSLD'), [
    [labour, 6000],
    [ict, 500],
    [parks, 8500],
  ]);
  await target(ctx, plan.id, ind('KT'), [[ubnd, 150]]);
  await target(ctx, plan.id, ind('DN_HTQL'), [[ubnd, 50]]);
  await target(ctx, plan.id, ind('THD'), [[ubnd, 100]]);
  const osh = (trained: number[], inspections: number, applying: number, inspected: number): Values => [
    {
      indicatorId: ind('HL_ATVSLD'),
      value: trained.reduce((a, b) => a + b, 0),
      breakdown: trained.map((v, i) => ({ category: `N${i + 1}`, value: v })),
    },
    { indicatorId: ind('KT'), value: inspections },
    { indicatorId: ind('DN_HTQL'), value: applying, denominator: inspected },
    { indicatorId: ind('THD'), value: 1 },
  ];
  const years: [string, [number, string, Values][]][] = [
    [
      '2022',
      [
        [labour, '2023-01-10T03:00:00Z', osh([320, 110, 1450, 3900, 60, 40], 120, 58, 120)],
        [ict, '2023-01-13T03:00:00Z', osh([40, 10, 0, 380, 0, 20], 0, 0, 0)],
        [parks, '2023-01-20T03:00:00Z', osh([450, 160, 2100, 5800, 95, 80], 35, 24, 35)],
      ],
    ],
    [
      '2023',
      [
        [labour, '2024-01-12T03:00:00Z', osh([350, 120, 1500, 4100, 70, 50], 130, 70, 130)],
        [ict, '2024-01-15T03:00:00Z', osh([45, 12, 0, 400, 0, 25], 0, 0, 0)],
        [parks, '2024-01-15T07:00:00Z', osh([470, 170, 2300, 6100, 100, 90], 40, 30, 40)],
      ],
    ],
    [
      '2024',
      [
        [labour, '2025-01-14T03:00:00Z', osh([360, 125, 1600, 4300, 75, 55], 140, 80, 140)],
        [parks, '2025-01-24T03:00:00Z', osh([480, 175, 2400, 6300, 110, 95], 42, 33, 42)],
      ],
    ],
  ];
  for (const [year, reports] of years) {
    for (const [org, when, values] of reports) await submit(base, when, plan.id, org, year, values);
  }
  return plan.id;
}

/** After the 1/3/2025 merge, the programme is amended: the Department of Home Affairs takes over reporting. */
export async function amendOshProgramme(db: Db, base: ActorCtx, planId: number) {
  const home = await idOf(db, 'Sở Nội vụ tỉnh Bắc Ninh');
  const sci = await idOf(db, 'Sở Khoa học và Công nghệ tỉnh Bắc Ninh');
  const [plan] = await rows<{ version: number }>(db, sql`SELECT version FROM plans WHERE id = ${planId}`);
  const ctx = at(base, '2025-03-10T02:00:00Z');
  await amendPlan(
    ctx,
    planId,
    amendPlanBody.parse({
      version: plan!.version,
      revisedOn: '2025-03-10',
      documentNumber: '356/QĐ-UBND',
      reason:
        'Sắp xếp tổ chức bộ máy từ 01/3/2025: Sở Nội vụ tiếp nhận chức năng của Sở Lao động - Thương binh và Xã hội; Sở Khoa học và Công nghệ tiếp nhận chức năng của Sở Thông tin và Truyền thông.',
      addReporterOrgIds: [home, sci],
      addCopyOrgIds: [],
      addIndicators: [],
    }),
  );
  const parks = await idOf(db, 'Ban Quản lý các Khu công nghiệp tỉnh Bắc Ninh');
  const [full] = await rows<{ id: number; code: string }>(
    db,
    sql`SELECT id, code FROM plan_indicators WHERE plan_id = ${planId} AND code = 'HL_ATVSLD'`,
  );
  await target(ctx, planId, full!.id, [
    [home, 6000],
    [sci, 500],
    [parks, 8500],
  ]);
  await submit(base, '2026-01-14T03:00:00Z', planId, home, '2025', [
    ...(await valuesByCode(db, planId, {
      HL_ATVSLD: [370, 130, 1650, 4400, 80, 60],
      KT: 150,
      DN_HTQL: [95, 150],
      THD: 1,
    })),
  ]);
}

async function valuesByCode(db: Db, planId: number, v: Record<string, number | number[]>): Promise<Values> {
  const inds = await rows<{ id: number; code: string; kind: string }>(
    db,
    sql`SELECT id, code, kind FROM plan_indicators WHERE plan_id = ${planId}`,
  );
  return inds.flatMap((i) => {
    const x = v[i.code];
    if (x === undefined) return [];
    if (typeof x === 'number') return [{ indicatorId: i.id, value: x }];
    if (i.kind === 'ratio') return [{ indicatorId: i.id, value: x[0]!, denominator: x[1]! }];
    return [
      {
        indicatorId: i.id,
        value: x.reduce((a, b) => a + b, 0),
        breakdown: x.map((n, k) => ({ category: `N${k + 1}`, value: n })),
      },
    ];
  });
}

/**
 * A plan in force now: the Điện Biên federation's quarterly blood-donation plan for this year, so that the
 * demo always has an open period (a unit can report on time) and earlier quarters to look at.
 */
export async function seedCurrentPlan(db: Db, base: ActorCtx, clock: Clock) {
  const today = vnDay(clock.now());
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const fed = await idOf(db, 'Liên đoàn Lao động tỉnh Điện Biên');
  const u = {
    health: await idOf(db, 'Công đoàn ngành Y tế tỉnh Điện Biên'),
    education: await idOf(db, 'Công đoàn ngành Giáo dục tỉnh Điện Biên'),
    civil: await idOf(db, 'Công đoàn Viên chức tỉnh Điện Biên'),
    dbp: await idOf(db, 'Công đoàn phường Điện Biên Phủ'),
    tuanGiao: await idOf(db, 'Công đoàn xã Tuần Giáo'),
  };
  const issued = `${year}-01-05T02:00:00Z`;
  const { plan, ind } = await planWith(base, issued, {
    issuerOrgId: fed,
    kind: 'plan',
    number: `12/KH-LĐLĐ`,
    title: `Vận động đoàn viên, người lao động hiến máu tình nguyện năm ${year}`,
    issuedOn: `${year}-01-05`,
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    legalBases: [
      `Kế hoạch số 05/KH-BCĐ ngày 02/01/${year} của Ban Chỉ đạo vận động hiến máu tình nguyện tỉnh Điện Biên`,
    ],
    reportPeriodType: 'quarterly',
    reportDueDays: 10,
    reporterOrgIds: Object.values(u),
    copyOrgIds: [await idOf(db, 'Hội Chữ thập đỏ tỉnh Điện Biên')],
    indicators: [
      { code: 'NG_HM', name: 'Người tham gia hiến máu', unit: 'người', kind: 'count' },
      { code: 'DV_MAU', name: 'Đơn vị máu tiếp nhận', unit: 'đơn vị', kind: 'count' },
      { code: 'TT', name: 'Có hoạt động tuyên truyền trong quý', kind: 'yes_no' },
    ],
  });
  const ctx = at(base, issued);
  await target(ctx, plan.id, ind('DV_MAU'), [[fed, 400]]);
  await target(ctx, plan.id, ind('DV_MAU'), [
    [u.health, 120],
    [u.education, 100],
    [u.civil, 60],
    [u.dbp, 60],
    [u.tuanGiao, 60],
  ]);
  await target(ctx, plan.id, ind('NG_HM'), [[fed, 380]]);
  await target(ctx, plan.id, ind('TT'), [[fed, 100]]);
  const orgs = Object.values(u);
  for (let q = 1; q < quarter; q++) {
    const due = new Date(Date.UTC(year, q * 3, 10));
    for (const [k, org] of orgs.entries()) {
      if (k === orgs.length - 1 && q === quarter - 1) continue; // Tuần Giáo has not reported last quarter
      const late = k === 2; // the civil servants' union is always a few days late
      const when = new Date(due.getTime() + (late ? 3 : -2) * 86_400_000 + 3 * 3600_000).toISOString();
      const people = 60 + k * 7 + q * 3;
      await submit(base, when, plan.id, org, `${year}-Q${q}`, [
        { indicatorId: ind('NG_HM'), value: people },
        { indicatorId: ind('DV_MAU'), value: people - 4 },
        { indicatorId: ind('TT'), value: k === 3 && q === 1 ? 0 : 1 },
      ]);
    }
  }
  return plan.id;
}
