import type { BookingView, FunnelView } from '../../../contracts/blood/drives.ts';
import type { Ctx } from '../../../platform/context.ts';
import * as bookings from './bookings.repo.ts';
import { bookingView } from './bookings.service.ts';
import type { DriveRow } from './drives.repo.ts';
import { driveInScope } from './drives.service.ts';
import { getFunnel } from './funnel.service.ts';
import { driveReportPdf } from './report.pdf.ts';
import { driveReportXlsx } from './report.xlsx.ts';

/** What the drive report shows: the drive, its funnel against the target, the list of donors (no health data). */
export type DriveReport = { drive: DriveRow; funnel: FunnelView; bookings: BookingView[]; madeAt: Date };

async function report(ctx: Ctx, id: number): Promise<DriveReport> {
  const drive = await driveInScope(ctx.db, ctx.actor, id);
  const [funnel, list] = await Promise.all([getFunnel(ctx, id), bookings.listBookings(ctx.db, id)]);
  return { drive, funnel, bookings: list.map((b) => bookingView(ctx.actor, b)), madeAt: ctx.clock.now() };
}

export const reportName = (d: DriveRow, ext: string) =>
  `Báo cáo điểm hiến máu ${d.driveDate} – ${d.site}.${ext}`;

export async function driveReportFile(ctx: Ctx, id: number, kind: 'xlsx' | 'pdf') {
  const r = await report(ctx, id);
  return {
    name: reportName(r.drive, kind),
    body: kind === 'xlsx' ? await driveReportXlsx(r) : await driveReportPdf(r),
  };
}
