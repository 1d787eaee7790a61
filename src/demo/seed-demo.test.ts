import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signIn, type TestApp } from '../../test/helpers/test-app.ts';
import { systemClock } from '../platform/clock.ts';
import { loadConfig } from '../platform/config.ts';
import { DEMO_PASSWORD } from './demo-data.ts';
import { seedDemo } from './seed-demo.ts';

describe('the demo dataset', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.db, systemClock);
    admin = await signIn(t, 'admin', DEMO_PASSWORD);
  });

  it('signs in every demo account listed in the README', async () => {
    for (const u of [
      'admin',
      'ctd.bacninh',
      'ldld.bacninh',
      'ldld.dienbien',
      'nhaplieu.kcn',
      'xem.dienbien',
    ]) {
      await expect(signIn(t, u, DEMO_PASSWORD)).resolves.toBeTruthy();
    }
  });

  it('keeps Bắc Giang’s federation readable as merged into Bắc Ninh’s on 1/7/2025, with its units moved', async () => {
    const found = (
      await admin.get('/api/orgs?q=lien%20doan%20lao%20dong%20tinh%20bac%20giang&status=all')
    ).json();
    const bacGiang = found.items[0];
    expect(bacGiang).toMatchObject({ name: 'Liên đoàn Lao động tỉnh Bắc Giang', status: 'merged' });
    const detail = (await admin.get(`/api/orgs/${bacGiang.id}`)).json();
    expect(detail).toMatchObject({
      closedOn: '2025-07-01',
      mergedIntoName: 'Liên đoàn Lao động tỉnh Bắc Ninh',
    });
    const kcn = (
      await admin.get('/api/orgs?q=cong%20doan%20cac%20khu%20cong%20nghiep%20tinh%20bac%20giang')
    ).json().items[0];
    expect(kcn.parentName).toBe('Liên đoàn Lao động tỉnh Bắc Ninh');
  });

  it('gives the Điện Biên federation admin Điện Biên only', async () => {
    const s = await signIn(t, 'ldld.dienbien', DEMO_PASSWORD);
    const all = (await s.get('/api/orgs?pageSize=200&status=all')).json();
    expect(all.total).toBeGreaterThan(10);
    expect(all.items.some((o: { name: string }) => o.name.includes('Bắc Ninh'))).toBe(false);
  });

  it('is never loaded in production', () => {
    expect(loadConfig({ NODE_ENV: 'production', DEMO_SEED: '1' }).demoSeed).toBe(false);
    expect(loadConfig({}).demoSeed).toBe(true);
    expect(loadConfig({ DEMO_SEED: 'off' }).demoSeed).toBe(false);
  });

  it('names the bad variable when the configuration is wrong', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });
});
