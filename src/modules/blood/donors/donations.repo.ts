import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';
import { type Scope, scopeSql } from '../../../platform/scope.ts';
import type { DonationKind } from './eligibility.rules.ts';

/** SQL of donation attempts, the deferral reasons, and certificates of donation. */

export async function findDriveInScope(db: Db | Tx, scope: Scope, id: number) {
  const [row] = await rows<{ id: number; title: string; site: string }>(
    db,
    sql`SELECT id, title, site FROM blood_drives d WHERE d.id = ${id} AND ${scopeSql(scope, sql`d.organiser_path`)}`,
  );
  return row;
}

export type DeferralReasonRow = {
  code: string;
  nameVi: string;
  nameEn: string;
  days: number | null;
  permanent: boolean;
};
const reasonColumns = sql`code, name_vi AS "nameVi", name_en AS "nameEn", days, permanent`;

export const listDeferralReasons = (db: Db) =>
  rows<DeferralReasonRow>(db, sql`SELECT ${reasonColumns} FROM deferral_reasons ORDER BY permanent, name_vi`);

export async function findDeferralReason(db: Db | Tx, code: string) {
  const [row] = await rows<DeferralReasonRow>(
    db,
    sql`SELECT ${reasonColumns} FROM deferral_reasons WHERE code = ${code}`,
  );
  return row;
}

const NUMBER_LOCK = 4_1202;
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * "GCNHM-2026-000123-K7QX9PZA": the year's sequence of certificates of donation, and 8 random letters that make
 * the number (printed, and in the QR link) unguessable — the public verification is looked up by it.
 */
export async function nextCertificateNo(tx: Tx, year: number): Promise<string> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${NUMBER_LOCK}, ${year})`);
  const prefix = `GCNHM-${year}-`;
  const [row] = await rows<{ n: number }>(
    tx,
    sql`SELECT coalesce(max(split_part(certificate_no, '-', 3)::int), 0) + 1 AS n
        FROM blood_donations WHERE certificate_no LIKE ${`${prefix}%`}`,
  );
  let tail = '';
  for (let i = 0; i < 8; i++) tail += LETTERS[randomInt(LETTERS.length)];
  return `${prefix}${String(row!.n).padStart(6, '0')}-${tail}`;
}

export type DonationWrite = {
  personId: number;
  donatedOn: string;
  driveId: number | null;
  site: string | null;
  organiserOrgId: number;
  organiserPath: string;
  establishmentOrgId: number | null;
  kind: DonationKind;
  volumeMl: number | null;
  outcome: 'donated' | 'deferred' | 'adverse_event';
  deferralReason: string | null;
  deferralUntil: string | null;
  deferralPermanent: boolean;
  adverseNote: string | null;
  certificateNo: string | null;
  recordedBy: number;
};

/**
 * Inserts an attempt (recorded on a donor's page or at a drive's desk), copying the donor's member-of union and its
 * path as they are today (none for a walk-in without a donor profile yet).
 */
export async function insertDonation(tx: Tx, d: DonationWrite): Promise<number> {
  const [row] = await rows<{ id: number }>(
    tx,
    sql`INSERT INTO blood_donations (person_id, donated_on, drive_id, site, organiser_org_id, organiser_path,
          establishment_org_id, member_of_org_id, member_of_path, kind, volume_ml, outcome, deferral_reason,
          deferral_until, deferral_permanent, adverse_note, certificate_no, recorded_by)
        SELECT ${d.personId}, ${d.donatedOn}, ${d.driveId}, ${d.site}, ${d.organiserOrgId}, ${d.organiserPath}::ltree,
          ${d.establishmentOrgId}, dp.member_of_org_id, mo.path, ${d.kind}, ${d.volumeMl}, ${d.outcome},
          ${d.deferralReason}, ${d.deferralUntil}, ${d.deferralPermanent}, ${d.adverseNote}, ${d.certificateNo},
          ${d.recordedBy}
        FROM (SELECT 1) one
        LEFT JOIN donor_profiles dp ON dp.person_id = ${d.personId}
        LEFT JOIN organisations mo ON mo.id = dp.member_of_org_id
        RETURNING id`,
  );
  return row!.id;
}

export type DonationRow = {
  id: number;
  personId: number;
  donatedOn: string;
  kind: DonationKind;
  volumeMl: number | null;
  outcome: 'donated' | 'deferred' | 'adverse_event';
  site: string | null;
  driveId: number | null;
  driveTitle: string | null;
  organiserName: string;
  establishmentName: string | null;
  deferralReason: string | null;
  deferralReasonName: string | null;
  deferralUntil: string | null;
  deferralPermanent: boolean;
  adverseNote: string | null;
  certificateNo: string | null;
};

const donationColumns = sql`d.id, d.person_id AS "personId", d.donated_on::text AS "donatedOn", d.kind,
  d.volume_ml AS "volumeMl", d.outcome, coalesce(d.site, dr.site) AS site, d.drive_id AS "driveId",
  dr.title AS "driveTitle", org.name AS "organiserName", est.name AS "establishmentName",
  d.deferral_reason AS "deferralReason", rs.name_vi AS "deferralReasonName", d.deferral_until::text AS "deferralUntil",
  d.deferral_permanent AS "deferralPermanent", d.adverse_note AS "adverseNote", d.certificate_no AS "certificateNo"`;
const donationFrom = sql`FROM blood_donations d JOIN organisations org ON org.id = d.organiser_org_id
  LEFT JOIN organisations est ON est.id = d.establishment_org_id
  LEFT JOIN blood_drives dr ON dr.id = d.drive_id
  LEFT JOIN deferral_reasons rs ON rs.code = d.deferral_reason`;

/** A donor's attempts, newest first (the caller has found the donor in its scope). */
export const listDonationsOfPerson = (db: Db, personId: number) =>
  rows<DonationRow>(
    db,
    sql`SELECT ${donationColumns} ${donationFrom} WHERE d.person_id = ${personId} ORDER BY d.donated_on DESC, d.id DESC`,
  );

/** The same by donor profile id, to read at once with the donor's scope check (the caller drops it on a 404). */
export const listDonationsOfDonor = (db: Db, donorId: number) =>
  rows<DonationRow>(
    db,
    sql`SELECT ${donationColumns} ${donationFrom}
        WHERE d.person_id = (SELECT person_id FROM donor_profiles WHERE id = ${donorId})
        ORDER BY d.donated_on DESC, d.id DESC`,
  );

/** One attempt by id; the caller then checks the donor is in its scope. */
export async function findDonation(db: Db | Tx, id: number) {
  const [row] = await rows<DonationRow>(
    db,
    sql`SELECT ${donationColumns} ${donationFrom} WHERE d.id = ${id}`,
  );
  return row;
}

export type CertificateRow = {
  number: string;
  fullName: string;
  birthDate: string | null;
  sex: 'male' | 'female' | null;
  donorNo: string;
  donatedOn: string;
  kind: DonationKind;
  volumeMl: number | null;
  site: string | null;
  organiserName: string;
  establishmentName: string | null;
};

/** The printable certificate of a donation (or of the public verification, which keeps only initials). */
export async function findCertificate(db: Db, where: { id: number } | { number: string }) {
  const cond = 'id' in where ? sql`d.id = ${where.id}` : sql`d.certificate_no = ${where.number}`;
  const [row] = await rows<CertificateRow>(
    db,
    sql`SELECT d.certificate_no AS number, p.full_name AS "fullName", p.birth_date::text AS "birthDate", p.sex,
          dp.donor_no AS "donorNo", d.donated_on::text AS "donatedOn", d.kind, d.volume_ml AS "volumeMl",
          coalesce(d.site, dr.site) AS site, org.name AS "organiserName", est.name AS "establishmentName"
        FROM blood_donations d JOIN people p ON p.id = d.person_id
        JOIN donor_profiles dp ON dp.person_id = d.person_id
        JOIN organisations org ON org.id = d.organiser_org_id
        LEFT JOIN organisations est ON est.id = d.establishment_org_id
        LEFT JOIN blood_drives dr ON dr.id = d.drive_id
        WHERE ${cond} AND d.certificate_no IS NOT NULL AND d.outcome = 'donated'`,
  );
  return row;
}

/**
 * The weight measured at a drive's screening, written to the donor's profile (health data, like the profile's own
 * weight), unless a later measurement is already there. A walk-in without a donor profile has nowhere to keep it:
 * the attempt is still recorded.
 */
export async function recordMeasuredWeight(
  tx: Tx,
  personId: number,
  weightKg: number,
  on: string,
): Promise<void> {
  await tx.execute(
    sql`UPDATE donor_profiles SET weight_kg = ${weightKg}, weight_on = ${on}::date
        WHERE person_id = ${personId} AND (weight_on IS NULL OR weight_on <= ${on}::date)`,
  );
}
