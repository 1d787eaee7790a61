import { vnToday } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Db } from '../../../platform/db/database.ts';
import { scopeOf } from '../../../platform/scope.ts';
import * as donations from './donations.repo.ts';
import { donorErrors } from './donors.errors.ts';
import * as repo from './donors.repo.ts';
import { canHealth, seenAttempts } from './donors.view.ts';
import { initialsOf } from './verify.page.ts';

/** The public path a certificate's QR code opens. */
export const verifyPathOf = (number: string) => `/verify/blood/${encodeURIComponent(number)}`;

/**
 * The certificate of a donation whose donor the caller sees (else 404, as a missing one). An attempt that took no
 * blood has none — said only to a caller who may know the attempt (`seenAttempts`): for others it does not exist.
 */
export async function getDonationCertificate(ctx: Ctx, donationId: number) {
  const d = await donations.findDonation(ctx.db, donationId);
  const donor =
    d && (await repo.findDonorOfPerson(ctx.db, scopeOf(ctx.actor), d.personId, vnToday(ctx.clock)));
  if (!d || !donor || seenAttempts([d], canHealth(ctx.actor, donor)).length === 0)
    throw donorErrors['donation.not_found']();
  if (!d.certificateNo) throw donorErrors['certificate.none']();
  return (await donations.findCertificate(ctx.db, { id: donationId }))!;
}

/** Public: what a QR code's reader may know — genuine or not, initials, day, site. */
export async function verifyDonationCertificate(deps: { db: Db }, number: string) {
  const c = await donations.findCertificate(deps.db, { number: number.trim().toUpperCase() });
  if (!c) return null;
  return {
    valid: true,
    number: c.number,
    initials: initialsOf(c.fullName),
    donatedOn: c.donatedOn,
    site: c.site,
    establishmentName: c.establishmentName,
  };
}
