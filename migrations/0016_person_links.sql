CREATE TABLE "person_links" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "person_links_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"person_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"org_path" "ltree" NOT NULL,
	"purpose" text NOT NULL,
	"since" date NOT NULL,
	"until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "person_links" ADD CONSTRAINT "person_links_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_links" ADD CONSTRAINT "person_links_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "person_links_uq" ON "person_links" USING btree ("person_id","org_id","purpose");--> statement-breakpoint
CREATE INDEX "person_links_org_path_gist" ON "person_links" USING gist ("org_path");--> statement-breakpoint
CREATE INDEX "person_links_org_idx" ON "person_links" USING btree ("org_id");--> statement-breakpoint
-- Existing people: the organisation keeping each one keeps them through a link (purpose 'keeper', since they were
-- registered), and an employer set on the record keeps them as 'employer' (the enterprise sees its workers).
INSERT INTO "person_links" ("person_id", "org_id", "org_path", "purpose", "since")
SELECT p."id", p."org_id", p."org_path", 'keeper', (p."created_at" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
FROM "people" p
UNION ALL
SELECT p."id", e."id", e."path", 'employer', (p."created_at" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
FROM "people" p JOIN "organisations" e ON e."id" = p."employer_org_id"
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Every person inserted (the registry's insertPeople, fixtures, benchmarks, any SQL) is linked to the organisation
-- that registered it, and to its employer, in the same statement: a person without a link is visible to nobody.
CREATE FUNCTION ct_people_insert_links() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO person_links (person_id, org_id, org_path, purpose, since)
  SELECT n.id, n.org_id, n.org_path, 'keeper', (n.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date FROM inserted n
  UNION ALL
  SELECT n.id, e.id, e.path, 'employer', (n.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
  FROM inserted n JOIN organisations e ON e.id = n.employer_org_id
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER people_insert_links AFTER INSERT ON people REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION ct_people_insert_links();
--> statement-breakpoint
-- A changed employer: the old employer's link ends yesterday (it no longer sees the person), the new one's starts.
CREATE FUNCTION ct_people_employer_link() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE today date := (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date;
BEGIN
  UPDATE person_links SET until = today - 1
  WHERE person_id = NEW.id AND purpose = 'employer' AND org_id = OLD.employer_org_id AND until IS NULL;
  INSERT INTO person_links (person_id, org_id, org_path, purpose, since)
  SELECT NEW.id, e.id, e.path, 'employer', today FROM organisations e WHERE e.id = NEW.employer_org_id
  ON CONFLICT (person_id, org_id, purpose) DO UPDATE SET until = NULL;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER people_employer_link AFTER UPDATE OF employer_org_id ON people FOR EACH ROW
  WHEN (OLD.employer_org_id IS DISTINCT FROM NEW.employer_org_id) EXECUTE FUNCTION ct_people_employer_link();
