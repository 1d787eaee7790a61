import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Consolidated } from './consolidated.service.ts';
import { summaryPdf } from './plans.pdf.ts';

const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** A summary whose last section lists `n` units behind: as n grows, the content ends at every height of a page. */
function summaryWith(n: number): Consolidated {
  return {
    plan: {
      id: 1,
      number: '45/HD-LĐLĐ',
      kind: 'guidance',
      title: 'Hưởng ứng ngày hiến máu',
      issuedOn: '2021-03-22',
      issuerOrgId: 1,
      issuerName: 'Liên đoàn Lao động tỉnh Điện Biên',
    },
    org: { id: 1, name: 'Liên đoàn Lao động tỉnh Điện Biên', parentName: 'Tổng Liên đoàn Lao động Việt Nam' },
    periodKey: 'once',
    periodLabel: 'Từ 01/04/2021 đến 30/04/2021',
    dueOn: '2021-04-30',
    today: '2021-05-05',
    indicators: [],
    totals: [],
    completeness: { expected: n, reported: 0, onTime: 0, late: 0, missing: n },
    units: [],
    behind: Array.from({ length: n }, (_, i) => ({
      orgId: i + 2,
      orgName: `Công đoàn cơ sở số ${i + 1}`,
      parentName: null,
      status: 'missing' as const,
      submittedOn: null,
      daysLate: 5,
    })),
  } as unknown as Consolidated;
}

function pagesOf(pdf: Buffer): string[] {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'ct-sum-')), 'summary.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f');
}

describe.skipIf(!hasPoppler)('plan summary PDF', () => {
  it('never leaves "Nơi nhận" and the signature alone on a page: the end of the content comes with them', async () => {
    const orphaned: number[] = [];
    for (let n = 20; n <= 60; n++) {
      const pages = pagesOf(await summaryPdf(summaryWith(n), new Date('2021-05-05T00:00:00Z')));
      const closing = pages.find((p) => p.includes('Nơi nhận:'))!;
      expect(closing, `n=${n}`).toContain('NGƯỜI LẬP BÁO CÁO');
      if (!closing.includes('Công đoàn cơ sở số')) orphaned.push(n);
    }
    expect(orphaned).toEqual([]);
  });
});
