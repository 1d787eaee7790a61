-- Extensions every environment has: PGlite ships them, Debian's PostgreSQL carries them in contrib.
CREATE EXTENSION IF NOT EXISTS ltree;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
-- unaccent() is STABLE (it reads a dictionary), so it cannot back a generated column or an index.
-- Pinning the dictionary makes an IMMUTABLE wrapper safe. Đ/đ are mapped explicitly: "dien bien" finds "Điện Biên".
CREATE OR REPLACE FUNCTION ct_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT translate(public.unaccent('public.unaccent'::regdictionary, $1), 'Đđ', 'Dd') $$;
