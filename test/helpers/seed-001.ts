import { type BuiltOrg, buildOrg, buildUser } from './factories.ts';
import { type Session, signIn, type TestApp } from './test-app.ts';

/**
 * The world of seed 001 for plan tests: the national federation, Điện Biên's federation with its health
 * union (two grassroots unions), education union and Tuần Giáo's union, the provincial Red Cross (a partner
 * outside the tree) and Bắc Ninh's federation (another province), with one signed-in user per role.
 */
export async function buildSeed001World(t: TestApp) {
  const national = await buildOrg(t.db, { name: 'Tổng Liên đoàn Lao động Việt Nam' });
  const federation = await buildOrg(t.db, { parent: national, name: 'Liên đoàn Lao động tỉnh Điện Biên' });
  const health = await buildOrg(t.db, { parent: federation, name: 'Công đoàn ngành Y tế tỉnh Điện Biên' });
  const o = {
    national,
    federation,
    health,
    cdcs1: await buildOrg(t.db, { parent: health, name: 'CĐCS Bệnh viện Đa khoa tỉnh' }),
    cdcs2: await buildOrg(t.db, { parent: health, name: 'CĐCS Trung tâm Kiểm soát bệnh tật' }),
    education: await buildOrg(t.db, { parent: federation, name: 'Công đoàn ngành Giáo dục tỉnh Điện Biên' }),
    tuanGiao: await buildOrg(t.db, { parent: federation, name: 'Công đoàn xã Tuần Giáo' }),
    redCross: await buildOrg(t.db, { name: 'Hội Chữ thập đỏ tỉnh Điện Biên', kind: 'red_cross' }),
    bacNinh: await buildOrg(t.db, { parent: national, name: 'Liên đoàn Lao động tỉnh Bắc Ninh' }),
  };
  const as = async (org: BuiltOrg, role: string): Promise<Session> => {
    const user = await buildUser(t.db, { grants: [{ org, role }] });
    return signIn(t, user.username, user.password);
  };
  const s = {
    federation: await as(o.federation, 'org_admin'),
    healthClerk: await as(o.health, 'data_entry'),
    tuanGiaoClerk: await as(o.tuanGiao, 'data_entry'),
    redCross: await as(o.redCross, 'org_admin'),
    bacNinh: await as(o.bacNinh, 'org_admin'),
  };
  return { o, s };
}

export type Seed001World = Awaited<ReturnType<typeof buildSeed001World>>;

/** The guidance 45/HD-LĐLĐ as the federation drafts it: three indicators, four reporters, a copy to the Red Cross. */
export function seed001PlanBody(o: Seed001World['o'], number = '45/HD-LĐLĐ', extraIndicators: object[] = []) {
  return {
    issuerOrgId: o.federation.id,
    kind: 'guidance',
    number,
    title: 'Hưởng ứng "Ngày toàn dân hiến máu tình nguyện" 7/4/2021',
    issuedOn: '2021-03-22',
    periodStart: '2021-04-01',
    periodEnd: '2021-04-30',
    legalBases: ['Hướng dẫn số 19/HD-TLĐ ngày 15/3/2021 của Đoàn Chủ tịch Tổng LĐLĐ Việt Nam'],
    reportPeriodType: 'once',
    reportDueOn: '2021-04-30',
    reporterOrgIds: [o.cdcs1.id, o.cdcs2.id, o.education.id, o.tuanGiao.id],
    copyOrgIds: [o.redCross.id],
    indicators: [
      { code: 'HD', name: 'Công đoàn có tổ chức hoạt động hưởng ứng', kind: 'yes_no' },
      {
        code: 'TL_HM',
        name: 'Đoàn viên tham gia hiến máu',
        kind: 'ratio',
        numeratorLabel: 'Số đoàn viên hiến máu',
        denominatorLabel: 'Tổng số đoàn viên',
      },
      { code: 'DV_MAU', name: 'Đơn vị máu tiếp nhận', unit: 'đơn vị', kind: 'count', goalPercent: 105 },
      ...extraIndicators,
    ],
  };
}
