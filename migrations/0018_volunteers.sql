CREATE TABLE "volunteer_applications" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "volunteer_applications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"link_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"org_path" "ltree" NOT NULL,
	"full_name" text NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text,
	"cccd" text,
	"phone" text,
	"email" text,
	"grp" text NOT NULL,
	"faculty" text,
	"study_year" smallint,
	"skills" text[] DEFAULT '{}' NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"consent_version" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"reject_reason" text,
	"person_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteer_availability" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "volunteer_availability_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"profile_id" integer NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"available" boolean DEFAULT true NOT NULL,
	"note" text,
	"declared_by" text DEFAULT 'officer' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteer_profiles" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "volunteer_profiles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"person_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"org_path" "ltree" NOT NULL,
	"grp" text NOT NULL,
	"faculty" text,
	"study_year" smallint,
	"profession" text,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"home_province_code" text,
	"status" text DEFAULT 'registered' NOT NULL,
	"status_since" date NOT NULL,
	"ready_declared_on" date,
	"consent_contact" boolean DEFAULT false NOT NULL,
	"consent_on" date,
	"note" text,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteer_qualifications" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "volunteer_qualifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"profile_id" integer NOT NULL,
	"skill" text NOT NULL,
	"level" text DEFAULT 'basic' NOT NULL,
	"issuer" text,
	"document_no" text,
	"issued_on" date,
	"expires_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteer_signup_links" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "volunteer_signup_links_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"org_path" "ltree" NOT NULL,
	"token_hash" text NOT NULL,
	"title" text,
	"expires_on" date NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteer_status_changes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "volunteer_status_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"profile_id" integer NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"on_date" date NOT NULL,
	"reason" text,
	"changed_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assignment_incidents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "assignment_incidents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"assignment_id" integer NOT NULL,
	"occurred_on" date NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"recorded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mobilisation_waves" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mobilisation_waves_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"issuer_org_id" integer NOT NULL,
	"issuer_path" "ltree" NOT NULL,
	"title" text NOT NULL,
	"basis_kind" text NOT NULL,
	"basis_number" text,
	"basis_date" date NOT NULL,
	"basis_signer" text NOT NULL,
	"basis_summary" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"names_due_on" date,
	"status" text DEFAULT 'draft' NOT NULL,
	"status_reason" text,
	"opened_at" timestamp with time zone,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shift_signups" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "shift_signups_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"shift_id" integer NOT NULL,
	"assignment_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"org_path" "ltree" NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"check_in_at" timestamp with time zone,
	"check_out_at" timestamp with time zone,
	"hours" numeric,
	"checkout_missing" boolean DEFAULT false NOT NULL,
	"hours_approved_by" integer,
	"hours_approved_at" timestamp with time zone,
	"override_reason" text,
	"overridden_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteer_assignments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "volunteer_assignments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"person_id" integer NOT NULL,
	"profile_id" integer NOT NULL,
	"wave_id" integer NOT NULL,
	"member_id" integer,
	"destination_id" integer NOT NULL,
	"org_path" "ltree" NOT NULL,
	"issuer_path" "ltree" NOT NULL,
	"site" text,
	"task" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"ended_on" date,
	"end_reason" text,
	"team_leader_person_id" integer,
	"status" text DEFAULT 'assigned' NOT NULL,
	"confirmed_at" timestamp with time zone,
	"override_reason" text,
	"overridden_by" integer,
	"certificate_no" text,
	"certificate_issued_on" date,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteer_shifts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "volunteer_shifts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"wave_id" integer NOT NULL,
	"destination_id" integer NOT NULL,
	"issuer_path" "ltree" NOT NULL,
	"task" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wave_destinations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "wave_destinations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"wave_id" integer NOT NULL,
	"name" text NOT NULL,
	"admin_unit_code" text NOT NULL,
	"admin_unit_name" text NOT NULL,
	"admin_unit_as_of" date NOT NULL,
	"current_admin_unit_code" text,
	"receiving_org_id" integer,
	"address" text
);
--> statement-breakpoint
CREATE TABLE "wave_members" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "wave_members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"wave_id" integer NOT NULL,
	"quota_id" integer NOT NULL,
	"profile_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"org_path" "ltree" NOT NULL,
	"skill" text,
	"status" text DEFAULT 'proposed' NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"proposed_by" integer,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wave_needs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "wave_needs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"wave_id" integer NOT NULL,
	"skill" text NOT NULL,
	"headcount" integer NOT NULL,
	"destination_id" integer
);
--> statement-breakpoint
CREATE TABLE "wave_quotas" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "wave_quotas_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"wave_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"org_path" "ltree" NOT NULL,
	"quota" integer NOT NULL,
	"pledged" integer,
	"answered_at" timestamp with time zone,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wave_topics" (
	"wave_id" integer NOT NULL,
	"course_type_id" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "person_id" integer;--> statement-breakpoint
ALTER TABLE "volunteer_applications" ADD CONSTRAINT "volunteer_applications_link_id_volunteer_signup_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."volunteer_signup_links"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_applications" ADD CONSTRAINT "volunteer_applications_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_applications" ADD CONSTRAINT "volunteer_applications_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_availability" ADD CONSTRAINT "volunteer_availability_profile_id_volunteer_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."volunteer_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_profiles" ADD CONSTRAINT "volunteer_profiles_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_profiles" ADD CONSTRAINT "volunteer_profiles_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_qualifications" ADD CONSTRAINT "volunteer_qualifications_profile_id_volunteer_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."volunteer_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_signup_links" ADD CONSTRAINT "volunteer_signup_links_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_status_changes" ADD CONSTRAINT "volunteer_status_changes_profile_id_volunteer_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."volunteer_profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_incidents" ADD CONSTRAINT "assignment_incidents_assignment_id_volunteer_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."volunteer_assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobilisation_waves" ADD CONSTRAINT "mobilisation_waves_issuer_org_id_organisations_id_fk" FOREIGN KEY ("issuer_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift_signups" ADD CONSTRAINT "shift_signups_shift_id_volunteer_shifts_id_fk" FOREIGN KEY ("shift_id") REFERENCES "public"."volunteer_shifts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift_signups" ADD CONSTRAINT "shift_signups_assignment_id_volunteer_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."volunteer_assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift_signups" ADD CONSTRAINT "shift_signups_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_assignments" ADD CONSTRAINT "volunteer_assignments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_assignments" ADD CONSTRAINT "volunteer_assignments_profile_id_volunteer_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."volunteer_profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_assignments" ADD CONSTRAINT "volunteer_assignments_wave_id_mobilisation_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."mobilisation_waves"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_assignments" ADD CONSTRAINT "volunteer_assignments_member_id_wave_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."wave_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_assignments" ADD CONSTRAINT "volunteer_assignments_destination_id_wave_destinations_id_fk" FOREIGN KEY ("destination_id") REFERENCES "public"."wave_destinations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_assignments" ADD CONSTRAINT "volunteer_assignments_team_leader_person_id_people_id_fk" FOREIGN KEY ("team_leader_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_shifts" ADD CONSTRAINT "volunteer_shifts_wave_id_mobilisation_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."mobilisation_waves"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_shifts" ADD CONSTRAINT "volunteer_shifts_destination_id_wave_destinations_id_fk" FOREIGN KEY ("destination_id") REFERENCES "public"."wave_destinations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wave_destinations" ADD CONSTRAINT "wave_destinations_wave_id_mobilisation_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."mobilisation_waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wave_destinations" ADD CONSTRAINT "wave_destinations_receiving_org_id_organisations_id_fk" FOREIGN KEY ("receiving_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wave_members" ADD CONSTRAINT "wave_members_wave_id_mobilisation_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."mobilisation_waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wave_members" ADD CONSTRAINT "wave_members_quota_id_wave_quotas_id_fk" FOREIGN KEY ("quota_id") REFERENCES "public"."wave_quotas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wave_members" ADD CONSTRAINT "wave_members_profile_id_volunteer_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."volunteer_profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wave_members" ADD CONSTRAINT "wave_members_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wave_needs" ADD CONSTRAINT "wave_needs_wave_id_mobilisation_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."mobilisation_waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wave_needs" ADD CONSTRAINT "wave_needs_destination_id_wave_destinations_id_fk" FOREIGN KEY ("destination_id") REFERENCES "public"."wave_destinations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wave_quotas" ADD CONSTRAINT "wave_quotas_wave_id_mobilisation_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."mobilisation_waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wave_quotas" ADD CONSTRAINT "wave_quotas_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wave_topics" ADD CONSTRAINT "wave_topics_wave_id_mobilisation_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."mobilisation_waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wave_topics" ADD CONSTRAINT "wave_topics_course_type_id_course_types_id_fk" FOREIGN KEY ("course_type_id") REFERENCES "public"."course_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "volunteer_applications_org_status_idx" ON "volunteer_applications" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "volunteer_applications_org_path_gist" ON "volunteer_applications" USING gist ("org_path");--> statement-breakpoint
CREATE INDEX "volunteer_availability_profile_idx" ON "volunteer_availability" USING btree ("profile_id","from_date");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_profiles_person_org_uq" ON "volunteer_profiles" USING btree ("person_id","org_id");--> statement-breakpoint
CREATE INDEX "volunteer_profiles_org_path_gist" ON "volunteer_profiles" USING gist ("org_path");--> statement-breakpoint
CREATE INDEX "volunteer_profiles_org_status_idx" ON "volunteer_profiles" USING btree ("org_id","status","grp");--> statement-breakpoint
CREATE INDEX "volunteer_profiles_person_idx" ON "volunteer_profiles" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_qualifications_uq" ON "volunteer_qualifications" USING btree ("profile_id","skill");--> statement-breakpoint
CREATE INDEX "volunteer_qualifications_skill_idx" ON "volunteer_qualifications" USING btree ("skill","profile_id");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_signup_links_token_uq" ON "volunteer_signup_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "volunteer_signup_links_org_idx" ON "volunteer_signup_links" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "volunteer_status_changes_profile_idx" ON "volunteer_status_changes" USING btree ("profile_id","on_date");--> statement-breakpoint
CREATE INDEX "assignment_incidents_assignment_idx" ON "assignment_incidents" USING btree ("assignment_id");--> statement-breakpoint
CREATE INDEX "mobilisation_waves_issuer_path_gist" ON "mobilisation_waves" USING gist ("issuer_path");--> statement-breakpoint
CREATE INDEX "mobilisation_waves_status_idx" ON "mobilisation_waves" USING btree ("status","starts_on");--> statement-breakpoint
CREATE INDEX "shift_signups_shift_idx" ON "shift_signups" USING btree ("shift_id","status");--> statement-breakpoint
CREATE INDEX "shift_signups_person_idx" ON "shift_signups" USING btree ("person_id","starts_at");--> statement-breakpoint
CREATE INDEX "shift_signups_assignment_idx" ON "shift_signups" USING btree ("assignment_id");--> statement-breakpoint
CREATE INDEX "volunteer_assignments_person_idx" ON "volunteer_assignments" USING btree ("person_id","starts_on");--> statement-breakpoint
CREATE INDEX "volunteer_assignments_wave_idx" ON "volunteer_assignments" USING btree ("wave_id","status");--> statement-breakpoint
CREATE INDEX "volunteer_assignments_org_path_gist" ON "volunteer_assignments" USING gist ("org_path");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_assignments_certificate_uq" ON "volunteer_assignments" USING btree ("certificate_no") WHERE "volunteer_assignments"."certificate_no" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "volunteer_shifts_wave_idx" ON "volunteer_shifts" USING btree ("wave_id","starts_at");--> statement-breakpoint
CREATE INDEX "wave_destinations_wave_idx" ON "wave_destinations" USING btree ("wave_id");--> statement-breakpoint
CREATE UNIQUE INDEX "wave_members_uq" ON "wave_members" USING btree ("wave_id","person_id");--> statement-breakpoint
CREATE INDEX "wave_members_quota_idx" ON "wave_members" USING btree ("quota_id","status");--> statement-breakpoint
CREATE INDEX "wave_members_org_path_gist" ON "wave_members" USING gist ("org_path");--> statement-breakpoint
CREATE UNIQUE INDEX "wave_needs_uq" ON "wave_needs" USING btree ("wave_id","skill","destination_id");--> statement-breakpoint
CREATE UNIQUE INDEX "wave_quotas_uq" ON "wave_quotas" USING btree ("wave_id","org_id");--> statement-breakpoint
CREATE INDEX "wave_quotas_org_path_gist" ON "wave_quotas" USING gist ("org_path");--> statement-breakpoint
CREATE UNIQUE INDEX "wave_topics_uq" ON "wave_topics" USING btree ("wave_id","course_type_id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "users_person_uq" ON "users" USING btree ("person_id") WHERE "users"."person_id" IS NOT NULL;--> statement-breakpoint
-- btree_gist lets one GiST exclusion constraint compare the person (=) and the dates (&&) together.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
-- No person on two assignments whose days overlap (both ends inclusive), across waves, enforced by the database
-- so that concurrent requests from several app instances cannot both pass a check. An override (reason given,
-- audited) and a cancelled assignment stand outside it; the service checks overlaps against every row first.
ALTER TABLE "volunteer_assignments" ADD CONSTRAINT "volunteer_assignments_no_overlap"
  EXCLUDE USING gist ("person_id" WITH =, daterange("starts_on", coalesce("ended_on", "ends_on"), '[]') WITH &&)
  WHERE ("status" <> 'cancelled' AND "override_reason" IS NULL);
--> statement-breakpoint
ALTER TABLE "volunteer_assignments" ADD CONSTRAINT "volunteer_assignments_dates_ck"
  CHECK ("ends_on" >= "starts_on" AND ("ended_on" IS NULL OR "ended_on" >= "starts_on"));
--> statement-breakpoint
-- The same for shifts, to the second: one shift ending at 14:00 and the next starting at 14:00 do not overlap.
ALTER TABLE "shift_signups" ADD CONSTRAINT "shift_signups_no_overlap"
  EXCLUDE USING gist ("person_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)
  WHERE ("status" <> 'cancelled' AND "override_reason" IS NULL);
--> statement-breakpoint
ALTER TABLE "volunteer_shifts" ADD CONSTRAINT "volunteer_shifts_times_ck" CHECK ("ends_at" > "starts_at" AND "capacity" > 0);
--> statement-breakpoint
ALTER TABLE "mobilisation_waves" ADD CONSTRAINT "mobilisation_waves_dates_ck" CHECK ("ends_on" >= "starts_on");
--> statement-breakpoint
ALTER TABLE "wave_quotas" ADD CONSTRAINT "wave_quotas_quota_ck" CHECK ("quota" >= 0 AND ("pledged" IS NULL OR "pledged" >= 0));
--> statement-breakpoint
-- Permissions of the volunteer module (roles are data): keeping an institution's volunteer registry and answering
-- waves (volunteer.manage); opening waves, deploying and overriding (wave.manage).
UPDATE roles SET permissions = permissions || ARRAY['volunteer.manage','wave.manage']
WHERE key IN ('system_admin', 'org_admin') AND NOT ('volunteer.manage' = ANY (permissions));
--> statement-breakpoint
INSERT INTO roles (key, name_vi, name_en, permissions, is_builtin) VALUES
  ('volunteer_officer', 'Cán bộ quản lý tình nguyện viên', 'Volunteer officer',
   ARRAY['org.read','volunteer.manage','person.manage','person.sensitive','training.manage','report.write'], true),
  ('mobilisation_officer', 'Cán bộ điều phối huy động', 'Mobilisation officer',
   ARRAY['org.read','volunteer.manage','wave.manage','person.manage','report.write','plan.manage'], true)
ON CONFLICT (key) DO NOTHING;
