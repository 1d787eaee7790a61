import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltOrg, buildOrg } from '../../../test/helpers/factories.ts';
import { createTestDatabase } from '../../../test/helpers/test-db.ts';
import { type Db, rows } from '../../platform/db/database.ts';
import type { SourceQuery } from '../../platform/indicators.ts';
import { bloodIndicatorSources } from './indicator-sources.ts';

/**
 * Điện Biên, April 2021: the provincial federation's two unions. Donations are inserted as records (the sources
 * read records, whoever wrote them); each figure is checked against what a person counting by hand finds.
 */
describe('blood indicator sources', () => {
  let db: Db;
  let federation: BuiltOrg;
  let health: BuiltOrg;
  let schools: BuiltOrg;
  const april = (o: BuiltOrg): SourceQuery => ({
    orgId: o.id,
    orgPath: o.path,
    start: '2021-04-01',
    end: '2021-04-30',
  });
  const compute = (key: string, q: SourceQuery) =>
    bloodIndicatorSources.find((s) => s.key === key)!.compute(db, q);

  async function person(name: string, sex: 'male' | 'female' | null = null) {
    const [r] = await rows<{ id: number }>(
      db,
      sql`INSERT INTO people (full_name, sex, org_id, org_path)
          VALUES (${name}, ${sex}, ${federation.id}, ${federation.path}::ltree) RETURNING id`,
    );
    return r!.id;
  }
  async function give(
    personId: number,
    on: string,
    organiser: BuiltOrg,
    memberOf: BuiltOrg | null,
    over = {},
  ) {
    const d = { kind: 'whole_blood', outcome: 'donated', ...over };
    await db.execute(
      sql`INSERT INTO blood_donations (person_id, donated_on, organiser_org_id, organiser_path, member_of_org_id,
            member_of_path, kind, outcome, volume_ml)
          VALUES (${personId}, ${on}, ${organiser.id}, ${organiser.path}::ltree, ${memberOf?.id ?? null},
            ${memberOf?.path ?? null}::ltree, ${d.kind}, ${d.outcome}, 350)`,
    );
  }
  async function drive(o: BuiltOrg, on: string, status = 'planned') {
    await db.execute(
      sql`INSERT INTO blood_drives (organiser_org_id, organiser_path, title, site, drive_date, opens_at, closes_at, status)
          VALUES (${o.id}, ${o.path}::ltree, 'Ngày hội Giọt hồng', 'Nhà văn hoá', ${on}, '07:00', '11:30', ${status})`,
    );
  }
  async function members(o: BuiltOrg, asOf: string, workers: number) {
    await db.execute(
      sql`INSERT INTO workforce_counts (org_id, org_path, as_of, workers) VALUES (${o.id}, ${o.path}::ltree, ${asOf}, ${workers})`,
    );
  }

  beforeAll(async () => {
    db = (await createTestDatabase()).db;
    federation = await buildOrg(db, { name: 'Liên đoàn Lao động tỉnh Điện Biên' });
    health = await buildOrg(db, { parent: federation, name: 'Công đoàn ngành Y tế' });
    schools = await buildOrg(db, { parent: federation, name: 'Công đoàn ngành Giáo dục' });
    const [hoa, binh, lan, tuan] = [
      await person('Lò Thị Hoa', 'female'),
      await person('Cà Văn Bình', 'male'),
      await person('Quàng Thị Lan', 'female'),
      // His sex is not recorded.
      await person('Vì Văn Tuấn'),
    ];
    await give(hoa, '2021-04-07', health, health);
    await give(hoa, '2021-04-28', health, health, { kind: 'plasma_apheresis' });
    await give(binh, '2021-04-07', health, health, { outcome: 'deferred' });
    await give(lan, '2021-04-07', health, schools);
    await give(tuan, '2021-03-20', schools, null);
    await give(tuan, '2021-05-01', schools, schools);
    await drive(health, '2021-04-07');
    await drive(health, '2021-04-08', 'cancelled');
    await drive(schools, '2021-03-20');
    await members(health, '2021-01-01', 10);
    await members(health, '2021-06-01', 20);
    await members(schools, '2020-12-31', 5);
  });

  it('blood.donors: distinct members who gave in the period (a deferral is not a donation)', async () => {
    // Split by sex with the codes plan indicators use (NAM/NU), so a form with a sex split opens filled.
    const women = (n: number) => [
      { category: 'NAM', value: 0 },
      { category: 'NU', value: n },
    ];
    expect(await compute('blood.donors', april(health))).toEqual({ value: 1, breakdown: women(1) });
    expect(await compute('blood.donors', april(schools))).toEqual({ value: 1, breakdown: women(1) });
    expect(await compute('blood.donors', april(federation))).toEqual({ value: 2, breakdown: women(2) });
    // Tuấn gave in May and his sex is unknown: a split that would not add up is left out.
    const toMay = { ...april(federation), end: '2021-05-31' };
    expect(await compute('blood.donors', toMay)).toEqual({ value: 3 });
    expect((await compute('blood.donors', toMay))!.breakdown).toBeUndefined();
  });

  it('blood.units: donations by the donors’ membership, broken down by kind', async () => {
    expect(await compute('blood.units', april(health))).toEqual({
      value: 2,
      breakdown: [
        { category: 'plasma_apheresis', value: 1 },
        { category: 'whole_blood', value: 1 },
      ],
    });
    expect((await compute('blood.units', april(federation)))?.value).toBe(3);
  });

  it('blood.units_organised: by the organiser, whoever the donors are members of', async () => {
    expect((await compute('blood.units_organised', april(health)))?.value).toBe(3);
    expect((await compute('blood.units_organised', april(schools)))?.value).toBe(0);
    expect((await compute('blood.units_organised', { ...april(schools), start: '2021-03-01' }))?.value).toBe(
      1,
    );
  });

  it('blood.member_share: members who gave / the latest headcount as of the period end', async () => {
    // The June headcount (20) is after April: the January one (10) is the denominator.
    expect(await compute('blood.member_share', april(health))).toMatchObject({ value: 1, denominator: 10 });
    // The federation declared none of its own: the sum of its unions' latest (10 + 5).
    expect(await compute('blood.member_share', april(federation))).toMatchObject({
      value: 2,
      denominator: 15,
    });
    expect(await compute('blood.member_share', { ...april(health), end: '2021-06-30' })).toMatchObject({
      value: 1,
      denominator: 20,
    });
    const none = await buildOrg(db, { parent: federation, name: 'Công đoàn Khu kinh tế' });
    expect(await compute('blood.member_share', april(none))).toBeNull();
  });

  it('blood.drives: drives held by the organiser in the period, not cancelled ones', async () => {
    expect(await compute('blood.drives', april(health))).toEqual({ value: 1 });
    expect(await compute('blood.drives', april(schools))).toEqual({ value: 0 });
    expect(await compute('blood.drives', { ...april(federation), start: '2021-03-01' })).toEqual({
      value: 2,
    });
  });
});
