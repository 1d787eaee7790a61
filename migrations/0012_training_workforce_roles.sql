CREATE TABLE "workforce_counts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "workforce_counts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"org_path" "ltree" NOT NULL,
	"as_of" date NOT NULL,
	"workers" integer NOT NULL,
	"strict_osh" boolean DEFAULT false NOT NULL,
	"note" text,
	"recorded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "workforce_counts" ADD CONSTRAINT "workforce_counts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "workforce_counts_org_day_uq" ON "workforce_counts" USING btree ("org_id","as_of");--> statement-breakpoint
-- A role for the staff who run training at a provider (the Humanitarian Services Center, a Red Cross training
-- office): classes, trainers, rosters, certificates and the learners' records, but not the organisation's
-- accounts or structure. Roles are data: a new role is a row.
INSERT INTO roles (key, name_vi, name_en, permissions, is_builtin) VALUES
  ('training_manager', 'Quản lý đào tạo', 'Training manager',
   ARRAY['org.read','training.manage','person.manage','person.sensitive','report.write'], true)
ON CONFLICT (key) DO NOTHING;
