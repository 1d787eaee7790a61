import ExcelJS from 'exceljs';
import type { AuditEntry } from '../../contracts/audit.ts';
import { type AuditLang, type AuditVocabulary, formatVnDateTime } from '../../contracts/audit-vocabulary.ts';
import { installedAuditVocabulary } from '../../platform/audit.ts';

const headers: Record<AuditLang, string[]> = {
  vi: [
    'Thời gian',
    'Người thực hiện',
    'Địa chỉ IP',
    'Hành động',
    'Loại đối tượng',
    'Đối tượng',
    'Tổ chức',
    'Thay đổi',
  ],
  en: ['Time', 'User', 'IP address', 'Action', 'Entity type', 'Entity', 'Organisation', 'Changes'],
};
const widths = [18, 22, 16, 28, 20, 34, 34, 70];
const titles: Record<AuditLang, string> = { vi: 'Nhật ký hoạt động', en: 'Activity log' };
const system: Record<AuditLang, string> = { vi: 'Hệ thống', en: 'System' };

/** "Tên: Cũ → Mới" per changed field, one a line: the words of the page's diff. */
export function changesText(
  words: AuditVocabulary,
  lang: AuditLang,
  e: Pick<AuditEntry, 'before' | 'after'>,
): string {
  return words
    .describeChanges(lang, e.before, e.after)
    .map((c) =>
      c.before === null
        ? `${c.label}: ${c.after}`
        : c.after === null
          ? `${c.label}: ${c.before} → ∅`
          : `${c.label}: ${c.before} → ${c.after}`,
    )
    .join('\n');
}

/** The filtered log as one sheet, in the page's words (the installed modules'); times dd/mm/yyyy HH:mm in Vietnam. */
export async function auditWorkbook(
  lang: AuditLang,
  batches: AsyncIterable<AuditEntry[]>,
  exportedAt: Date,
): Promise<Buffer> {
  const words = installedAuditVocabulary();
  const wb = new ExcelJS.Workbook();
  wb.created = exportedAt;
  const ws = wb.addWorksheet(titles[lang], { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = headers[lang].map((header, i) => ({ header, width: widths[i] }));
  ws.getRow(1).font = { bold: true };
  for await (const batch of batches) {
    for (const e of batch) {
      const entity = e.entityLabel ?? (e.entityId ? `#${e.entityId}` : '');
      const row = ws.addRow([
        formatVnDateTime(e.at),
        e.actorUsername ?? system[lang],
        e.ip ?? '',
        words.actionLabel(lang, e.action),
        words.entityLabel(lang, e.entityType),
        entity,
        e.orgName ?? '',
        changesText(words, lang, e),
      ]);
      row.getCell(8).alignment = { wrapText: true, vertical: 'top' };
    }
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers[lang].length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
