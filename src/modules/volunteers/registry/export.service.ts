import { formatViDate } from '../../../contracts/dates.ts';
import type { VolunteerListQuery } from '../../../contracts/volunteers/registry.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { vnToday } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { scopeOf } from '../../../platform/scope.ts';
import { orgForField } from '../../orgs/index.ts';
import { canReveal, maskCccd } from '../../people/index.ts';
import { MAX_VOLUNTEER_ROWS } from './import.parse.ts';
import { currentProvinces } from './import.repo.ts';
import { volunteerExport } from './import.xlsx.ts';
import * as repo from './registry.repo.ts';

/**
 * The registry (with the list's filters) as the XLSX institutions send, so it can be edited and imported again.
 * Full CCCDs only where the caller holds person.sensitive; that disclosure is audited (names of people, never numbers).
 */
export async function exportVolunteers(ctx: Ctx, q: Omit<VolunteerListQuery, 'page' | 'pageSize'>) {
  const scope = scopeOf(ctx.actor);
  const org = q.orgId ? await orgForField(ctx.db, scope, q.orgId, 'querystring.orgId') : null;
  const list = await repo.allProfiles(ctx.db, scope, { ...q, orgPath: org?.path }, MAX_VOLUNTEER_ROWS);
  const provinces = new Map((await currentProvinces(ctx.db)).map((p) => [p.code, p.name]));
  const revealed = list.filter((v) => v.cccd && canReveal(ctx.actor, v.orgPath));
  if (revealed.length)
    await recordAudit(ctx.db, ctx, {
      action: 'read_sensitive',
      entityType: 'volunteer_import',
      entityId: null,
      orgId: org?.id ?? null,
      orgPath: org?.path ?? null,
      after: { field: 'cccd', export: 'volunteers.xlsx', people: revealed.map((v) => v.personId) },
    });
  const shown = new Set(revealed.map((v) => v.id));
  const title = `DANH SÁCH TÌNH NGUYỆN VIÊN${org ? ` — ${org.name.toUpperCase()}` : ''} (đến ngày ${formatViDate(vnToday(ctx.clock))})`;
  const body = await volunteerExport(
    title,
    list.map((v) => ({
      ...v,
      cccd: shown.has(v.id) ? v.cccd : maskCccd(v.cccd),
      ready: v.status === 'ready',
      homeProvince: v.homeProvinceCode ? (provinces.get(v.homeProvinceCode) ?? v.homeProvinceCode) : null,
    })),
  );
  return {
    body,
    name: org ? `Danh sách tình nguyện viên ${org.name}.xlsx` : 'Danh sách tình nguyện viên.xlsx',
  };
}
