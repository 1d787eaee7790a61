import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../../platform/db/database.ts';

/** SQL of the public verification: one lookup by the code of the QR link. */

export type VerifyRow = {
  status: 'valid' | 'revoked' | 'replaced';
  number: string;
  certificateKind: 'certificate' | 'safety_card' | 'attendance';
  courseName: string;
  issuerName: string;
  issuedOn: string;
  validUntil: string | null;
  holderName: string;
  holderBirthYear: number | null;
};

/**
 * One lookup on the unique index of verify_code, through `ct_verify_certificate` (migration 0014): a PL/pgSQL
 * function keeps its plan for the session, so a verification is not re-planned on every request. Selects
 * nothing personal beyond name and birth year.
 */
export async function findByVerifyCode(db: Db, code: string): Promise<VerifyRow | null> {
  const [row] = await rows<VerifyRow>(db, sql`SELECT * FROM ct_verify_certificate(${code})`);
  return row ?? null;
}
