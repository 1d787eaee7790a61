import { beforeAll, describe, expect, it } from 'vitest';
import { buildForest, buildOrg } from '../../../test/helpers/factories.ts';
import { createTestApp, loginAs, type Session, type TestApp } from '../../../test/helpers/test-app.ts';

describe('organisation trees over HTTP', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof buildForest>>;
  let dienBienAdmin: Session;
  let nationalAdmin: Session;
  let viewer: Session;

  beforeAll(async () => {
    t = await createTestApp();
    f = await buildForest(t.db);
    dienBienAdmin = await loginAs(t, f.dienBien, 'org_admin');
    nationalAdmin = await loginAs(t, f.national, 'org_admin');
    viewer = await loginAs(t, f.dienBien, 'viewer');
  });

  it('shows a provincial user their own node as the root, with counts', async () => {
    const res = await dienBienAdmin.get('/api/orgs/roots');
    expect(res.statusCode).toBe(200);
    const roots = res.json();
    expect(roots.map((r: { name: string }) => r.name)).toEqual(['Liên đoàn Lao động tỉnh Điện Biên']);
    expect(roots[0]).toMatchObject({
      childCount: 1,
      descendantCount: 1,
      parentName: 'Tổng Liên đoàn Lao động Việt Nam',
    });
  });

  it('answers 404 for an organisation outside the subtree — reading, listing children, or writing', async () => {
    for (const url of [
      `/api/orgs/${f.bacNinh.id}`,
      `/api/orgs/${f.bacNinh.id}/children`,
      `/api/orgs/${f.national.id}/history`,
    ]) {
      const res = await dienBienAdmin.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('orgs.not_found');
    }
    const rename = await dienBienAdmin.patch(`/api/orgs/${f.bnUnit.id}`, {
      version: 1,
      name: 'Đổi tên trái phép',
    });
    expect(rename.statusCode).toBe(404);
    const create = await dienBienAdmin.post('/api/orgs', {
      parentId: f.bacNinh.id,
      name: 'Đơn vị lạ',
      kind: 'union',
    });
    // The parent a body names is not found either: a 400 on its field.
    expect(create.statusCode).toBe(400);
    expect(create.json().error.details.issues[0].path).toBe('body.parentId');
    const { items } = (await dienBienAdmin.get('/api/orgs?q=bac%20ninh&status=all')).json();
    expect(items).toEqual([]);
  });

  it('lets a viewer read but not write (403)', async () => {
    expect((await viewer.get(`/api/orgs/${f.dbUnit.id}`)).json().can).toEqual({ manage: false });
    const res = await viewer.post('/api/orgs', {
      parentId: f.dienBien.id,
      name: 'Công đoàn mới',
      kind: 'union',
    });
    expect(res.statusCode).toBe(403);
  });

  it('creates a sub-organisation that is then found without diacritics', async () => {
    const res = await dienBienAdmin.post('/api/orgs', {
      parentId: f.dienBien.id,
      name: 'Công đoàn cơ sở Trường THPT Mường Nhé',
      kind: 'union',
      code: 'CDCS-MN-01',
      establishedOn: '2026-01-15',
      contacts: [{ name: 'Lò Thị Hoa', title: 'Chủ tịch', phone: '0912 345 678', email: '' }],
    });
    expect(res.statusCode).toBe(201);
    const org = res.json();
    expect(org).toMatchObject({ parentId: f.dienBien.id, depth: 3, status: 'active', can: { manage: true } });
    expect(org.ancestors.map((a: { name: string }) => a.name)).toEqual([
      'Tổng Liên đoàn Lao động Việt Nam',
      'Liên đoàn Lao động tỉnh Điện Biên',
    ]);
    for (const q of ['truong thpt muong nhe', 'MUONG NHE', 'cdcs-mn']) {
      const found = (await dienBienAdmin.get(`/api/orgs?q=${encodeURIComponent(q)}`)).json();
      expect(
        found.items.map((i: { id: number }) => i.id),
        q,
      ).toContain(org.id);
    }
    const history = (await dienBienAdmin.get(`/api/orgs/${org.id}/history`)).json();
    expect(history).toMatchObject([{ type: 'created', effectiveOn: '2026-01-15' }]);
  });

  it('finds "Điện Biên" when typed "dien bien" (đ folded to d), the federation before its units', async () => {
    const found = (await nationalAdmin.get('/api/orgs?q=dien%20bien')).json();
    expect(found.items[0].name).toBe('Liên đoàn Lao động tỉnh Điện Biên');
    expect(found.items.map((i: { name: string }) => i.name)).toContain('Công đoàn ngành Y tế tỉnh Điện Biên');
  });

  it('dates a creation without a date on the Vietnamese calendar day', async () => {
    t.clock.set('2026-05-04T17:30:00Z'); // 00:30 on 5 May in Hà Nội
    const org = (
      await dienBienAdmin.post('/api/orgs', { parentId: f.dienBien.id, name: 'CĐCS ca đêm', kind: 'union' })
    ).json();
    const history = (await dienBienAdmin.get(`/api/orgs/${org.id}/history`)).json();
    expect(history[0]).toMatchObject({ type: 'created', effectiveOn: '2026-05-05' });
    t.clock.set('2026-05-04T08:00:00Z');
  });

  it('renames with a dated history entry and rejects a stale version (409)', async () => {
    const org = await buildOrg(t.db, { parent: f.dienBien, name: 'Công đoàn Viên chức' });
    const ok = await dienBienAdmin.patch(`/api/orgs/${org.id}`, {
      version: 1,
      name: 'Công đoàn Viên chức tỉnh Điện Biên',
      effectiveOn: '2025-07-01',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: 'Công đoàn Viên chức tỉnh Điện Biên', version: 2 });
    const stale = await dienBienAdmin.patch(`/api/orgs/${org.id}`, { version: 1, name: 'Tên khác' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('orgs.version_conflict');
    const history = (await dienBienAdmin.get(`/api/orgs/${org.id}/history`)).json();
    expect(history[0]).toMatchObject({
      type: 'renamed',
      effectiveOn: '2025-07-01',
      data: { oldName: 'Công đoàn Viên chức', name: 'Công đoàn Viên chức tỉnh Điện Biên' },
    });
  });

  it('lets only one of two concurrent edits of the same version win', async () => {
    const org = await buildOrg(t.db, { parent: f.dienBien });
    const [a, b] = await Promise.all([
      dienBienAdmin.patch(`/api/orgs/${org.id}`, { version: 1, name: 'Phiên bản A' }),
      dienBienAdmin.patch(`/api/orgs/${org.id}`, { version: 1, name: 'Phiên bản B' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  });

  it('moves a subtree and keeps its descendants under it', async () => {
    const a = await buildOrg(t.db, { parent: f.national, name: 'LĐLĐ huyện cũ' });
    const child = await buildOrg(t.db, { parent: a, name: 'CĐCS thuộc huyện cũ' });
    const res = await nationalAdmin.post(`/api/orgs/${a.id}/move`, {
      version: 1,
      newParentId: f.dienBien.id,
      effectiveOn: '2025-07-01',
    });
    expect(res.statusCode).toBe(200);
    const moved = (await nationalAdmin.get(`/api/orgs/${child.id}`)).json();
    expect(moved.ancestors.map((x: { id: number }) => x.id)).toEqual([f.national.id, f.dienBien.id, a.id]);
    // Now inside Điện Biên's subtree, so the provincial admin sees it.
    expect((await dienBienAdmin.get(`/api/orgs/${child.id}`)).statusCode).toBe(200);
  });

  it('refuses to move an organisation under its own descendant', async () => {
    const a = await buildOrg(t.db, { parent: f.dienBien });
    const b = await buildOrg(t.db, { parent: a });
    const res = await dienBienAdmin.post(`/api/orgs/${a.id}/move`, {
      version: 1,
      newParentId: b.id,
      effectiveOn: '2026-01-01',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('orgs.move_cycle');
  });

  it('merges a unit: its units move to the successor, it stays readable as merged', async () => {
    const district = await buildOrg(t.db, { parent: f.dienBien, name: 'LĐLĐ huyện Tuần Giáo' });
    const grassroots = await buildOrg(t.db, { parent: district, name: 'CĐCS Trường THPT Tuần Giáo' });
    const commune = await buildOrg(t.db, { parent: f.dienBien, name: 'Công đoàn xã Tuần Giáo' });
    const res = await dienBienAdmin.post(`/api/orgs/${district.id}/merge`, {
      version: 1,
      intoId: commune.id,
      effectiveOn: '2025-07-01',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'merged',
      closedOn: '2025-07-01',
      mergedIntoId: commune.id,
      mergedIntoName: 'Công đoàn xã Tuần Giáo',
    });
    expect((await dienBienAdmin.get(`/api/orgs/${grassroots.id}`)).json().parentId).toBe(commune.id);
    const active = (await dienBienAdmin.get(`/api/orgs/${f.dienBien.id}/children`)).json();
    expect(active.map((c: { id: number }) => c.id)).not.toContain(district.id);
    const all = (await dienBienAdmin.get(`/api/orgs/${f.dienBien.id}/children?status=all`)).json();
    expect(all.map((c: { id: number }) => c.id)).toContain(district.id);
    const events = (await dienBienAdmin.get(`/api/orgs/${commune.id}/history`)).json();
    expect(events[0]).toMatchObject({ type: 'absorbed', data: { fromName: 'LĐLĐ huyện Tuần Giáo' } });
  });

  it('closes only an organisation with no active units, and reopens it', async () => {
    const parent = await buildOrg(t.db, { parent: f.dienBien });
    const child = await buildOrg(t.db, { parent });
    const refused = await dienBienAdmin.post(`/api/orgs/${parent.id}/close`, {
      version: 1,
      effectiveOn: '2025-06-15',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('orgs.has_active_children');
    expect(
      (
        await dienBienAdmin.post(`/api/orgs/${child.id}/close`, {
          version: 1,
          effectiveOn: '2025-06-15',
          reason: 'Giải thể',
        })
      ).statusCode,
    ).toBe(200);
    const closed = await dienBienAdmin.post(`/api/orgs/${parent.id}/close`, {
      version: 1,
      effectiveOn: '2025-06-15',
    });
    expect(closed.json()).toMatchObject({ status: 'closed', closedOn: '2025-06-15' });
    const reopened = await dienBienAdmin.post(`/api/orgs/${parent.id}/reopen`, {
      version: 2,
      effectiveOn: '2025-09-01',
    });
    expect(reopened.json()).toMatchObject({ status: 'active', closedOn: null });
  });

  it('only lets a system administrator create a root', async () => {
    const res = await nationalAdmin.post('/api/orgs', {
      parentId: null,
      name: 'Hội Chữ thập đỏ Việt Nam',
      kind: 'red_cross',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('orgs.root_requires_system_admin');
  });

  it('rejects a duplicate code with 409 and an unknown administrative unit naming the field', async () => {
    await buildOrg(t.db, { parent: f.dienBien, code: 'DUP-1' });
    const dup = await dienBienAdmin.post('/api/orgs', {
      parentId: f.dienBien.id,
      name: 'Trùng mã',
      kind: 'union',
      code: 'DUP-1',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('orgs.code_taken');
    const au = await dienBienAdmin.post('/api/orgs', {
      parentId: f.dienBien.id,
      name: 'Sai mã xã',
      kind: 'union',
      adminUnitCode: '99999',
    });
    expect(au.statusCode).toBe(400);
    expect(au.json().error.details.issues[0].path).toBe('body.adminUnitCode');
  });

  it('paginates the scope-filtered list with a total', async () => {
    const res = (await nationalAdmin.get('/api/orgs?pageSize=2&page=1')).json();
    expect(res.items).toHaveLength(2);
    expect(res.total).toBeGreaterThan(5);
    const under = (await nationalAdmin.get(`/api/orgs?under=${f.bacNinh.id}`)).json();
    expect(under.items.map((i: { name: string }) => i.name).sort()).toEqual([
      'Công đoàn các Khu công nghiệp tỉnh Bắc Ninh',
      'Liên đoàn Lao động tỉnh Bắc Ninh',
    ]);
  });
});
