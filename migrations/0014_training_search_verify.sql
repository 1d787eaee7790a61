CREATE INDEX "certificates_number_search_idx" ON "certificates" USING btree (lower(ct_unaccent("number")) text_pattern_ops);--> statement-breakpoint
-- The public certificate lookup (GET /verify/:code, the QR code's link), as a function so that its plan is
-- prepared once per database session: PL/pgSQL caches the plans of its statements, where a query sent as text is
-- parsed and planned again on every request. Planning the four-table join was half of a verification's cost
-- (docs/benchmarks.md). Nothing personal beyond the holder's name and birth year. Change it with CREATE OR REPLACE
-- in a new migration; certificates.repo.ts (findByVerifyCode) reads these columns.
CREATE OR REPLACE FUNCTION ct_verify_certificate(p_code text)
RETURNS TABLE (
  status text, "number" text, "certificateKind" text, "courseName" text, "issuerName" text,
  "issuedOn" text, "validUntil" text, "holderName" text, "holderBirthYear" int
)
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT c.status, c.number, ct.certificate_kind, ct.name_vi, o.name, c.issued_on::text, c.valid_until::text,
         p.full_name, extract(year FROM p.birth_date)::int
  FROM certificates c
  JOIN course_types ct ON ct.id = c.course_type_id
  JOIN organisations o ON o.id = c.issuer_org_id
  JOIN people p ON p.id = c.person_id
  WHERE c.verify_code = p_code;
END
$$;
