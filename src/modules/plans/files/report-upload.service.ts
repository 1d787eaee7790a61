import type { z } from 'zod';
import type { ReportUploadResult, reportUploadFields } from '../../../contracts/plan-files.ts';
import type { saveReportBody } from '../../../contracts/plans.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Db } from '../../../platform/db/database.ts';
import { errors, type FieldIssue, isAppError } from '../../../platform/errors.ts';
import { isWithin, scopeOf } from '../../../platform/scope.ts';
import { findOrgInScope } from '../../orgs/index.ts';
import { dueOn, isPlanPeriod } from '../periods.ts';
import { planErrors } from '../plans.errors.ts';
import { mayReportFor } from '../plans.policy.ts';
import * as repo from '../plans.repo.ts';
import { recipientsAmong } from '../recipients/recipients.repo.ts';
import { reportForm } from '../reports/report-form.service.ts';
import { validateValues } from '../reports/reports.rules.ts';
import { saveReport } from '../reports/reports.service.ts';
import { type Indicator, periodLabel } from './consolidated.service.ts';
import { reportsOf, type StoredReport } from './files.repo.ts';
import {
  isLocked,
  type ParsedRow,
  parseTemplate,
  storedValue,
  type TemplateColumn,
  templateColumns,
  templateWorkbook,
} from './report-template.ts';

type ValueInput = z.output<typeof saveReportBody>['values'][number];
type Recipient = Awaited<ReturnType<typeof recipientsAmong>>[number];

/** The plan, organisation and period a template is for, and the reporters there the caller writes for. */
async function templateScope(
  ctx: Ctx,
  planId: number,
  orgId: number,
  periodKey: string,
  where: 'querystring' | 'body',
) {
  const scope = scopeOf(ctx.actor);
  const plan = await repo.findPlan(ctx.db, scope, planId);
  if (!plan) throw planErrors.notFound();
  const org = await findOrgInScope(ctx.db, scope, orgId);
  if (!org || !isWithin(org.path, plan.issuerPath)) throw errors.notFound('orgs');
  if (plan.status !== 'issued') throw planErrors.notIssued();
  if (!isPlanPeriod(plan, periodKey))
    throw errors.validation([{ path: `${where}.periodKey`, message: 'Kỳ báo cáo không thuộc kế hoạch' }]);
  // The template lists the units expected to report for this period (not those merged or closed before it).
  const writable = (await repo.reportersUnder(ctx.db, plan, periodKey, org.path)).filter((r) =>
    mayReportFor(ctx.actor, r.orgPath),
  );
  return { plan, org, writable, indicators: await repo.planIndicatorsOf(ctx.db, planId) };
}

async function suggestedValues(ctx: Ctx, planId: number, orgId: number, periodKey: string) {
  const form = await reportForm(ctx, planId, orgId, periodKey);
  return {
    values: form.values.map((v) => ({
      indicatorId: v.indicatorId,
      value: v.value,
      denominator: v.denominator,
    })),
    breakdowns: form.values.flatMap((v) =>
      (v.breakdown ?? []).map((b) => ({ indicatorId: v.indicatorId, category: b.category, value: b.value })),
    ),
  };
}

export async function reportTemplate(ctx: Ctx, planId: number, orgId: number, periodKey: string) {
  const s = await templateScope(ctx, planId, orgId, periodKey, 'querystring');
  if (s.writable.length === 0)
    throw errors.forbidden(
      `Bạn không có quyền nhập báo cáo cho đơn vị nào thuộc ${s.org.name} trong kế hoạch này.`,
    );
  const reports = await reportsOf(
    ctx.db,
    planId,
    periodKey,
    s.writable.map((r) => r.orgId),
  );
  const hasSources = s.indicators.some((i) => i.source);
  const lines = await Promise.all(
    s.writable.map(async (r) => {
      const report = reports.get(r.orgId);
      // Units without a report get what the report form would offer them from their own records.
      const suggested =
        !report && hasSources ? await suggestedValues(ctx, planId, r.orgId, periodKey) : undefined;
      return { orgId: r.orgId, orgName: r.orgName, report, suggested };
    }),
  );
  lines.sort((a, b) => a.orgName.localeCompare(b.orgName, 'vi'));
  const buffer = await templateWorkbook(
    {
      planId,
      planNumber: s.plan.number,
      planTitle: s.plan.title,
      periodKey,
      periodLabel: periodLabel(s.plan, periodKey),
      dueOn: dueOn(s.plan, periodKey),
      indicators: s.indicators,
      lines,
    },
    ctx.clock.now(),
  );
  const period = periodKey === 'once' ? '' : ` ${periodKey}`;
  return { buffer, fileName: `Biểu mẫu báo cáo ${s.plan.number} - ${s.org.name}${period}.xlsx` };
}

const at = (row: number, code?: string) => `file.row ${row}${code ? `.${code}` : ''}`;

/** One line of the file as the values of a report, in indicator order (`indexOf` maps issues back). */
function lineValues(indicators: Indicator[], cols: TemplateColumn[], line: ParsedRow) {
  const values: ValueInput[] = [];
  const indexOf: Indicator[] = [];
  for (const ind of indicators) {
    const mine = cols.filter((c) => c.indicator.id === ind.id);
    const cell = (kind: string) => line.cells.get(mine.find((c) => c.part.kind === kind)?.code ?? '') ?? null;
    const breakdown = mine.flatMap((c) =>
      c.part.kind === 'category' && line.cells.get(c.code) != null
        ? [{ category: c.part.category, value: line.cells.get(c.code)! }]
        : [],
    );
    const value = cell('value');
    const denominator = ind.kind === 'ratio' ? cell('denominator') : null;
    if (value === null && denominator === null && breakdown.length === 0) continue;
    values.push({
      indicatorId: ind.id,
      value,
      ...(ind.kind === 'ratio' ? { denominator } : {}),
      ...(breakdown.length ? { breakdown } : {}),
    });
    indexOf.push(ind);
  }
  return { values, indexOf };
}

/** The column a save issue (`body.values.2.denominator`) is about, for a message naming row and column. */
function columnOf(path: string, indexOf: Indicator[], cols: TemplateColumn[]): string | undefined {
  const m = /^body\.values\.(\d+)\.?(\w+)?/.exec(path);
  const ind = m ? indexOf[Number(m[1])] : undefined;
  if (!ind) return undefined;
  const mine = cols.filter((c) => c.indicator.id === ind.id);
  const part = m![2] === 'denominator' ? 'denominator' : m![2] === 'breakdown' ? 'category' : 'value';
  return (mine.find((c) => c.part.kind === part) ?? mine[0])!.code;
}

/** Checks one line against the plan's rules before anything is saved; answers its issues. */
function checkLine(
  line: ParsedRow,
  ctx: Ctx,
  s: Awaited<ReturnType<typeof templateScope>> & { reporters: Map<number, Recipient> },
  cols: TemplateColumn[],
  isSubmit: boolean,
): FieldIssue[] {
  const reporter = s.reporters.get(line.orgId);
  if (!reporter)
    return [
      {
        path: at(line.row, 'ORG_ID'),
        message: `Đơn vị mã ${line.orgId} không thuộc danh sách phải báo cáo của kế hoạch`,
      },
    ];
  if (!isWithin(reporter.orgPath, s.org.path))
    return [{ path: at(line.row, 'ORG_ID'), message: `${reporter.orgName} không trực thuộc ${s.org.name}` }];
  if (!mayReportFor(ctx.actor, reporter.orgPath))
    return [
      { path: at(line.row, 'ORG_ID'), message: `Bạn không có quyền nhập báo cáo cho ${reporter.orgName}` },
    ];
  const issues: FieldIssue[] = [];
  for (const c of cols) {
    const v = line.cells.get(c.code);
    if (v != null && v < 0)
      issues.push({ path: at(line.row, c.code), message: `${reporter.orgName}: số liệu không được âm` });
    const required = c.part.kind !== 'category';
    if (isSubmit && required && v == null)
      issues.push({
        path: at(line.row, c.code),
        message: `${reporter.orgName}: thiếu số liệu (bắt buộc khi nộp)`,
      });
  }
  if (issues.length) return issues;
  const { values, indexOf } = lineValues(s.indicators, cols, line);
  return validateValues(s.indicators, values, isSubmit).map((i) => ({
    path: at(line.row, columnOf(i.path, indexOf, cols)),
    message: i.message,
  }));
}

const sameValues = (r: StoredReport, line: ParsedRow, cols: TemplateColumn[]) =>
  cols.every((c) => (line.cells.get(c.code) ?? null) === storedValue(r, c));

/**
 * Saves the lines of a filled template: every line is checked first and, if any is wrong, the answer names
 * each wrong row and column and nothing is saved. The lines are then saved in one transaction, each as the
 * report form would save it (version check, validation, roll-up on submit); one failure undoes them all.
 */
export async function uploadReports(
  ctx: Ctx,
  planId: number,
  fields: z.output<typeof reportUploadFields>,
  file: Buffer,
): Promise<ReportUploadResult> {
  const isSubmit = fields.submit === 'true';
  const scope = await templateScope(ctx, planId, fields.orgId, fields.periodKey, 'body');
  const parsed = await parseTemplate(file, scope.indicators);
  // The reporters the file names, by the recipients' key: never the plan's whole list.
  const ids = new Set(parsed.rows.map((l) => l.orgId).filter((id) => id > 0 && id <= 2_147_483_647));
  const named = await recipientsAmong(ctx.db, planId, [...ids]);
  const s = {
    ...scope,
    reporters: new Map(named.filter((r) => r.role === 'reporter').map((r) => [r.orgId, r])),
  };
  if (parsed.planId !== null && parsed.planId !== planId)
    throw errors.validation([{ path: 'file', message: 'Tệp là biểu mẫu của một kế hoạch khác.' }]);
  if (parsed.periodKey !== null && parsed.periodKey !== fields.periodKey)
    throw errors.validation([
      {
        path: 'file',
        message: `Tệp là biểu mẫu của kỳ ${parsed.periodKey}, không phải kỳ ${fields.periodKey}.`,
      },
    ]);
  const cols = templateColumns(s.indicators);
  const issues = [...parsed.issues];
  const seen = new Map<number, number>();
  const lines = parsed.rows.filter((line) => {
    const first = seen.get(line.orgId);
    if (first) issues.push({ path: at(line.row, 'ORG_ID'), message: `Đơn vị đã có ở dòng ${first}` });
    seen.set(line.orgId, first ?? line.row);
    return !first && [...line.cells.values()].some((v) => v !== null);
  });
  for (const line of lines) issues.push(...checkLine(line, ctx, s, cols, isSubmit));
  if (issues.length) throw errors.validation(issues, `Tệp có ${issues.length} lỗi, chưa lưu dòng nào.`);
  if (lines.length === 0)
    throw errors.validation([{ path: 'file', message: 'Tệp chưa có số liệu nào để lưu.' }]);

  const nameOf = new Map([...s.reporters.values()].map((r) => [r.orgId, r.orgName]));
  const units: ReportUploadResult['units'] = parsed.rows
    .filter((l) => !lines.includes(l))
    .map((l) => ({
      row: l.row,
      orgId: l.orgId,
      orgName: nameOf.get(l.orgId) ?? '',
      result: 'skipped_empty',
      status: null,
      version: null,
    }));
  await ctx.db.transaction(async (tx) => {
    // saveReport opens its own transaction: on this handle it is a savepoint inside ours.
    const txCtx: Ctx = { ...ctx, db: tx as unknown as Db };
    const current = await reportsOf(
      tx,
      planId,
      fields.periodKey,
      lines.map((l) => l.orgId),
    );
    const failed: FieldIssue[] = [];
    for (const line of lines) {
      const existing = current.get(line.orgId);
      const orgName = nameOf.get(line.orgId)!;
      if (existing && isLocked(existing)) {
        if (sameValues(existing, line, cols)) {
          units.push({
            row: line.row,
            orgId: line.orgId,
            orgName,
            result: 'unchanged',
            status: existing.status,
            version: existing.version,
          });
        } else {
          const state = existing.status === 'accepted' ? 'đã được duyệt' : 'đã nộp';
          failed.push({
            path: at(line.row),
            message: `${orgName}: báo cáo ${state} nên không sửa được; cần cơ quan ban hành trả lại trước.`,
          });
        }
        continue;
      }
      const { values, indexOf } = lineValues(s.indicators, cols, line);
      try {
        const saved = await saveReport(txCtx, planId, {
          orgId: line.orgId,
          periodKey: fields.periodKey,
          version: existing?.version ?? 0,
          values,
          submit: isSubmit,
        });
        units.push({
          row: line.row,
          orgId: line.orgId,
          orgName,
          result: isSubmit ? 'submitted' : 'saved',
          status: saved.status,
          version: saved.version,
        });
      } catch (e) {
        if (!isAppError(e)) throw e;
        const detail = (e.details as { issues?: FieldIssue[] } | undefined)?.issues;
        if (detail?.length)
          failed.push(
            ...detail.map((i) => ({
              path: at(line.row, columnOf(i.path, indexOf, cols)),
              message: `${orgName}: ${i.message}`,
            })),
          );
        else failed.push({ path: at(line.row), message: `${orgName}: ${e.message}` });
      }
    }
    if (failed.length) throw errors.validation(failed, `Tệp có ${failed.length} lỗi, chưa lưu dòng nào.`);
  });
  units.sort((a, b) => a.row - b.row);
  const saved = units.filter((u) => u.result === 'saved' || u.result === 'submitted').length;
  return { saved, submitted: isSubmit ? saved : 0, skipped: units.length - saved, units };
}
