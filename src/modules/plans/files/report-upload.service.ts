import type { z } from 'zod';
import type { ReportUploadResult, reportUploadFields } from '../../../contracts/plan-files.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Db } from '../../../platform/db/database.ts';
import { errors, type FieldIssue, isAppError } from '../../../platform/errors.ts';
import { isWithin } from '../../../platform/scope.ts';
import { mayReportFor } from '../plans.policy.ts';
import { recipientsAmong } from '../recipients/recipients.repo.ts';
import { type ValueInput, validateValues } from '../reports/reports.rules.ts';
import { saveReport } from '../reports/reports.service.ts';
import type { Indicator } from './consolidated.service.ts';
import { reportsOf, type StoredReport } from './files.repo.ts';
import { fileCell, type ParsedRow, parseTemplate } from './report-template.parse.ts';
import { templateScope } from './report-template.service.ts';
import { isLocked, storedValue, type TemplateColumn, templateColumns } from './report-template.ts';

/**
 * A filled reporting template, uploaded: every line is checked before anything is saved, then all lines are
 * saved in one transaction as the report form would save them.
 */

type Recipient = Awaited<ReturnType<typeof recipientsAmong>>[number];

const at = fileCell;

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
  s: Upload,
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
  // An uploaded file is a finished statement: its figures must agree even when it is only saved as a draft.
  return validateValues(s.indicators, values, isSubmit, true).map((i) => ({
    path: at(line.row, columnOf(i.path, indexOf, cols)),
    message: i.message,
  }));
}

const sameValues = (r: StoredReport, line: ParsedRow, cols: TemplateColumn[]) =>
  cols.every((c) => (line.cells.get(c.code) ?? null) === storedValue(r, c));

type Upload = Awaited<ReturnType<typeof templateScope>> & { reporters: Map<number, Recipient> };
type Unit = ReportUploadResult['units'][number];
type Line = { line: ParsedRow; orgName: string; existing: StoredReport | undefined };

/** The file read and every line checked; throws naming each wrong row and column. Answers the lines to save. */
async function checkedUpload(
  ctx: Ctx,
  planId: number,
  fields: z.output<typeof reportUploadFields>,
  file: Buffer,
) {
  const isSubmit = fields.submit === 'true';
  const scope = await templateScope(ctx, planId, fields.orgId, fields.periodKey, 'body');
  const parsed = await parseTemplate(file, scope.indicators);
  // The reporters the file names, by the recipients' key: never the plan's whole list.
  const ids = new Set(parsed.rows.map((l) => l.orgId).filter((id) => id > 0 && id <= 2_147_483_647));
  const named = await recipientsAmong(ctx.db, planId, [...ids]);
  const s: Upload = {
    ...scope,
    reporters: new Map(named.filter((r) => r.role === 'reporter').map((r) => [r.orgId, r])),
  };
  if (parsed.planId !== null && parsed.planId !== planId)
    throw errors.validation([{ path: 'file', message: 'Tệp là biểu mẫu của một kế hoạch khác.' }]);
  if (parsed.periodKey !== null && parsed.periodKey !== fields.periodKey) {
    const message = `Tệp là biểu mẫu của kỳ ${parsed.periodKey}, không phải kỳ ${fields.periodKey}.`;
    throw errors.validation([{ path: 'file', message }]);
  }
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
  const skipped = parsed.rows.filter((l) => !lines.includes(l));
  return { s, cols, lines, skipped, isSubmit };
}

/** A line whose report is already submitted or accepted: unchanged is fine, a change needs it returned first. */
function lockedLine({ line, orgName, existing }: Line, cols: TemplateColumn[]): Unit | FieldIssue {
  if (existing && sameValues(existing, line, cols))
    return {
      row: line.row,
      orgId: line.orgId,
      orgName,
      result: 'unchanged',
      status: existing.status,
      version: existing.version,
    };
  const state = existing?.status === 'accepted' ? 'đã được duyệt' : 'đã nộp';
  return {
    path: at(line.row),
    message: `${orgName}: báo cáo ${state} nên không sửa được; cần cơ quan ban hành trả lại trước.`,
  };
}

/** One line saved as the report form saves it; a refusal becomes issues named by row and column. */
async function saveLine(
  txCtx: Ctx,
  u: { planId: number; periodKey: string; isSubmit: boolean; s: Upload; cols: TemplateColumn[] },
  { line, orgName, existing }: Line,
): Promise<Unit | FieldIssue[]> {
  const { values, indexOf } = lineValues(u.s.indicators, u.cols, line);
  try {
    const saved = await saveReport(txCtx, u.planId, {
      orgId: line.orgId,
      periodKey: u.periodKey,
      version: existing?.version ?? 0,
      values,
      submit: u.isSubmit,
    });
    const result = u.isSubmit ? ('submitted' as const) : ('saved' as const);
    return {
      row: line.row,
      orgId: line.orgId,
      orgName,
      result,
      status: saved.status,
      version: saved.version,
    };
  } catch (e) {
    if (!isAppError(e)) throw e;
    const detail = (e.details as { issues?: FieldIssue[] } | undefined)?.issues;
    if (!detail?.length) return [{ path: at(line.row), message: `${orgName}: ${e.message}` }];
    return detail.map((i) => ({
      path: at(line.row, columnOf(i.path, indexOf, u.cols)),
      message: `${orgName}: ${i.message}`,
    }));
  }
}

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
  const { s, cols, lines, skipped, isSubmit } = await checkedUpload(ctx, planId, fields, file);
  const nameOf = new Map([...s.reporters.values()].map((r) => [r.orgId, r.orgName]));
  const units: Unit[] = skipped.map((l) => ({
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
    const u = { planId, periodKey: fields.periodKey, isSubmit, s, cols };
    for (const line of lines) {
      const l = { line, orgName: nameOf.get(line.orgId)!, existing: current.get(line.orgId) };
      const done = l.existing && isLocked(l.existing) ? lockedLine(l, cols) : await saveLine(txCtx, u, l);
      if (Array.isArray(done)) failed.push(...done);
      else if ('path' in done) failed.push(done);
      else units.push(done);
    }
    if (failed.length) throw errors.validation(failed, `Tệp có ${failed.length} lỗi, chưa lưu dòng nào.`);
  });
  units.sort((a, b) => a.row - b.row);
  const saved = units.filter((u) => u.result === 'saved' || u.result === 'submitted').length;
  return { saved, submitted: isSubmit ? saved : 0, skipped: units.length - saved, units };
}
