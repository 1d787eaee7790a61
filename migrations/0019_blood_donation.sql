CREATE TABLE "blood_donations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "blood_donations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"person_id" integer NOT NULL,
	"donated_on" date NOT NULL,
	"drive_id" integer,
	"site" text,
	"organiser_org_id" integer NOT NULL,
	"organiser_path" "ltree" NOT NULL,
	"establishment_org_id" integer,
	"member_of_org_id" integer,
	"member_of_path" "ltree",
	"kind" text DEFAULT 'whole_blood' NOT NULL,
	"volume_ml" integer,
	"outcome" text NOT NULL,
	"deferral_reason" text,
	"deferral_until" date,
	"deferral_permanent" boolean DEFAULT false NOT NULL,
	"adverse_note" text,
	"certificate_no" text,
	"recorded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "blood_rules" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "blood_rules_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"key" text NOT NULL,
	"value" numeric NOT NULL,
	"unit" text NOT NULL,
	"legal_source" text NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date
);
--> statement-breakpoint
CREATE TABLE "deferral_reasons" (
	"code" text PRIMARY KEY NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"days" integer,
	"permanent" boolean DEFAULT false NOT NULL,
	"legal_source" text
);
--> statement-breakpoint
CREATE TABLE "donor_profiles" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "donor_profiles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"person_id" integer NOT NULL,
	"donor_no" text NOT NULL,
	"abo" text,
	"rh" text,
	"group_confirmed_by" text,
	"group_confirmed_on" date,
	"rare_flags" text[] DEFAULT '{}' NOT NULL,
	"weight_kg" numeric,
	"weight_on" date,
	"member_of_org_id" integer,
	"home_province_code" text,
	"preferred_contact" text DEFAULT 'sms' NOT NULL,
	"consent_contact" boolean DEFAULT false NOT NULL,
	"consent_health_at" timestamp with time zone,
	"consent_version" text,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "blood_callouts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "blood_callouts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"requester_org_id" integer NOT NULL,
	"requester_path" "ltree" NOT NULL,
	"club_id" integer,
	"abo" text NOT NULL,
	"rh" text NOT NULL,
	"units" integer NOT NULL,
	"place" text NOT NULL,
	"province_code" text NOT NULL,
	"needed_by" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "callout_replies" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "callout_replies_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"callout_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"status" text DEFAULT 'notified' NOT NULL,
	"notified_at" timestamp with time zone DEFAULT now() NOT NULL,
	"replied_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "donor_club_activities" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "donor_club_activities_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"club_id" integer NOT NULL,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"participants" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "donor_club_members" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "donor_club_members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"club_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"since" date NOT NULL,
	"until" date
);
--> statement-breakpoint
CREATE TABLE "donor_clubs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "donor_clubs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"org_path" "ltree" NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"province_code" text,
	"founded_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "donor_honours" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "donor_honours_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"person_id" integer NOT NULL,
	"rule_id" integer NOT NULL,
	"count_at_proposal" integer NOT NULL,
	"proposed_by_org_id" integer NOT NULL,
	"org_path" "ltree" NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"decision_no" text,
	"decided_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "honour_rules" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "honour_rules_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer,
	"deciding_body" text NOT NULL,
	"kind" text NOT NULL,
	"threshold" integer NOT NULL,
	"title_vi" text NOT NULL,
	"title_en" text NOT NULL,
	"legal_source" text,
	"effective_from" date NOT NULL,
	"effective_to" date
);
--> statement-breakpoint
CREATE TABLE "blood_drives" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "blood_drives_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"organiser_org_id" integer NOT NULL,
	"organiser_path" "ltree" NOT NULL,
	"establishment_org_id" integer,
	"title" text NOT NULL,
	"site" text NOT NULL,
	"address" text,
	"province_code" text,
	"drive_date" date NOT NULL,
	"opens_at" time NOT NULL,
	"closes_at" time NOT NULL,
	"target_units" integer,
	"status" text DEFAULT 'planned' NOT NULL,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "drive_bookings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "drive_bookings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"drive_id" integer NOT NULL,
	"slot_id" integer,
	"person_id" integer NOT NULL,
	"organiser_path" "ltree" NOT NULL,
	"channel" text NOT NULL,
	"token_hash" text,
	"status" text DEFAULT 'booked' NOT NULL,
	"queue_no" integer,
	"checked_in_at" timestamp with time zone,
	"screened_at" timestamp with time zone,
	"donation_id" integer,
	"questionnaire" jsonb,
	"questionnaire_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "drive_slots" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "drive_slots_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"drive_id" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "drive_waitlist" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "drive_waitlist_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"drive_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"next_drive" boolean DEFAULT false NOT NULL,
	"offered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "blood_donations" ADD CONSTRAINT "blood_donations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blood_donations" ADD CONSTRAINT "blood_donations_organiser_org_id_organisations_id_fk" FOREIGN KEY ("organiser_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blood_donations" ADD CONSTRAINT "blood_donations_establishment_org_id_organisations_id_fk" FOREIGN KEY ("establishment_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blood_donations" ADD CONSTRAINT "blood_donations_member_of_org_id_organisations_id_fk" FOREIGN KEY ("member_of_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donor_profiles" ADD CONSTRAINT "donor_profiles_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donor_profiles" ADD CONSTRAINT "donor_profiles_member_of_org_id_organisations_id_fk" FOREIGN KEY ("member_of_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blood_callouts" ADD CONSTRAINT "blood_callouts_requester_org_id_organisations_id_fk" FOREIGN KEY ("requester_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blood_callouts" ADD CONSTRAINT "blood_callouts_club_id_donor_clubs_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."donor_clubs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callout_replies" ADD CONSTRAINT "callout_replies_callout_id_blood_callouts_id_fk" FOREIGN KEY ("callout_id") REFERENCES "public"."blood_callouts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callout_replies" ADD CONSTRAINT "callout_replies_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donor_club_activities" ADD CONSTRAINT "donor_club_activities_club_id_donor_clubs_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."donor_clubs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donor_club_members" ADD CONSTRAINT "donor_club_members_club_id_donor_clubs_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."donor_clubs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donor_club_members" ADD CONSTRAINT "donor_club_members_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donor_clubs" ADD CONSTRAINT "donor_clubs_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donor_honours" ADD CONSTRAINT "donor_honours_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donor_honours" ADD CONSTRAINT "donor_honours_rule_id_honour_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."honour_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donor_honours" ADD CONSTRAINT "donor_honours_proposed_by_org_id_organisations_id_fk" FOREIGN KEY ("proposed_by_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "honour_rules" ADD CONSTRAINT "honour_rules_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blood_drives" ADD CONSTRAINT "blood_drives_organiser_org_id_organisations_id_fk" FOREIGN KEY ("organiser_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blood_drives" ADD CONSTRAINT "blood_drives_establishment_org_id_organisations_id_fk" FOREIGN KEY ("establishment_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drive_bookings" ADD CONSTRAINT "drive_bookings_drive_id_blood_drives_id_fk" FOREIGN KEY ("drive_id") REFERENCES "public"."blood_drives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drive_bookings" ADD CONSTRAINT "drive_bookings_slot_id_drive_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."drive_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drive_bookings" ADD CONSTRAINT "drive_bookings_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drive_bookings" ADD CONSTRAINT "drive_bookings_donation_id_blood_donations_id_fk" FOREIGN KEY ("donation_id") REFERENCES "public"."blood_donations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drive_slots" ADD CONSTRAINT "drive_slots_drive_id_blood_drives_id_fk" FOREIGN KEY ("drive_id") REFERENCES "public"."blood_drives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drive_waitlist" ADD CONSTRAINT "drive_waitlist_drive_id_blood_drives_id_fk" FOREIGN KEY ("drive_id") REFERENCES "public"."blood_drives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drive_waitlist" ADD CONSTRAINT "drive_waitlist_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "blood_donations_person_idx" ON "blood_donations" USING btree ("person_id","donated_on");--> statement-breakpoint
CREATE INDEX "blood_donations_organiser_path_gist" ON "blood_donations" USING gist ("organiser_path");--> statement-breakpoint
CREATE INDEX "blood_donations_member_of_path_gist" ON "blood_donations" USING gist ("member_of_path");--> statement-breakpoint
CREATE INDEX "blood_donations_drive_idx" ON "blood_donations" USING btree ("drive_id");--> statement-breakpoint
CREATE UNIQUE INDEX "blood_donations_certificate_uq" ON "blood_donations" USING btree ("certificate_no") WHERE "blood_donations"."certificate_no" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "blood_rules_key_from_uq" ON "blood_rules" USING btree ("key","effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "donor_profiles_person_uq" ON "donor_profiles" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "donor_profiles_donor_no_uq" ON "donor_profiles" USING btree ("donor_no");--> statement-breakpoint
CREATE INDEX "donor_profiles_group_idx" ON "donor_profiles" USING btree ("abo","rh","home_province_code");--> statement-breakpoint
CREATE INDEX "donor_profiles_member_of_idx" ON "donor_profiles" USING btree ("member_of_org_id");--> statement-breakpoint
CREATE INDEX "blood_callouts_requester_path_gist" ON "blood_callouts" USING gist ("requester_path");--> statement-breakpoint
CREATE UNIQUE INDEX "callout_replies_uq" ON "callout_replies" USING btree ("callout_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "donor_club_members_uq" ON "donor_club_members" USING btree ("club_id","person_id");--> statement-breakpoint
CREATE INDEX "donor_club_members_person_idx" ON "donor_club_members" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "donor_clubs_org_path_gist" ON "donor_clubs" USING gist ("org_path");--> statement-breakpoint
CREATE UNIQUE INDEX "donor_honours_uq" ON "donor_honours" USING btree ("person_id","rule_id");--> statement-breakpoint
CREATE INDEX "donor_honours_org_path_gist" ON "donor_honours" USING gist ("org_path");--> statement-breakpoint
CREATE INDEX "honour_rules_org_idx" ON "honour_rules" USING btree ("org_id","kind","threshold");--> statement-breakpoint
CREATE INDEX "blood_drives_organiser_path_gist" ON "blood_drives" USING gist ("organiser_path");--> statement-breakpoint
CREATE INDEX "blood_drives_date_idx" ON "blood_drives" USING btree ("drive_date","province_code");--> statement-breakpoint
CREATE UNIQUE INDEX "drive_bookings_live_uq" ON "drive_bookings" USING btree ("drive_id","person_id") WHERE "drive_bookings"."status" NOT IN ('cancelled', 'late_cancelled');--> statement-breakpoint
CREATE UNIQUE INDEX "drive_bookings_token_uq" ON "drive_bookings" USING btree ("token_hash") WHERE "drive_bookings"."token_hash" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "drive_bookings_drive_status_idx" ON "drive_bookings" USING btree ("drive_id","status");--> statement-breakpoint
CREATE INDEX "drive_bookings_person_idx" ON "drive_bookings" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "drive_slots_drive_idx" ON "drive_slots" USING btree ("drive_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "drive_waitlist_uq" ON "drive_waitlist" USING btree ("drive_id","person_id");--> statement-breakpoint
CREATE INDEX "drive_waitlist_order_idx" ON "drive_waitlist" USING btree ("drive_id","created_at");--> statement-breakpoint
-- A slot is never overbooked: bookings move `booked` only by `UPDATE … SET booked = booked + 1 WHERE booked < capacity`,
-- and the database refuses any row past its capacity whatever wrote it.
ALTER TABLE "drive_slots" ADD CONSTRAINT "drive_slots_capacity_ck" CHECK ("capacity" > 0 AND "booked" >= 0 AND "booked" <= "capacity");
--> statement-breakpoint
ALTER TABLE "drive_slots" ADD CONSTRAINT "drive_slots_times_ck" CHECK ("ends_at" > "starts_at");
--> statement-breakpoint
ALTER TABLE "blood_drives" ADD CONSTRAINT "blood_drives_hours_ck" CHECK ("closes_at" > "opens_at");
--> statement-breakpoint
ALTER TABLE "blood_donations" ADD CONSTRAINT "blood_donations_volume_ck" CHECK ("volume_ml" IS NULL OR ("volume_ml" > 0 AND "volume_ml" <= 1000));
--> statement-breakpoint
-- Eligibility limits of Thông tư 26/2013/TT-BYT (in force 1/11/2013), as dated rows: a changed limit is a new row.
INSERT INTO blood_rules (key, value, unit, legal_source, effective_from) VALUES
  ('min_age', 18, 'years', 'Thông tư 26/2013/TT-BYT, Điều 4', '2013-11-01'),
  ('max_age', 60, 'years', 'Thông tư 26/2013/TT-BYT, Điều 4', '2013-11-01'),
  ('min_weight_female', 42, 'kg', 'Thông tư 26/2013/TT-BYT, Điều 4', '2013-11-01'),
  ('min_weight_male', 45, 'kg', 'Thông tư 26/2013/TT-BYT, Điều 4', '2013-11-01'),
  ('low_weight_max_ml', 250, 'ml', 'Thông tư 26/2013/TT-BYT, Điều 5', '2013-11-01'),
  ('max_ml_per_kg', 9, 'ml/kg', 'Thông tư 26/2013/TT-BYT, Điều 5', '2013-11-01'),
  ('max_whole_blood_ml', 500, 'ml', 'Thông tư 26/2013/TT-BYT, Điều 5', '2013-11-01'),
  ('apheresis_min_weight', 50, 'kg', 'Thông tư 26/2013/TT-BYT, Điều 5', '2013-11-01'),
  ('apheresis_max_ml', 500, 'ml', 'Thông tư 26/2013/TT-BYT, Điều 5', '2013-11-01'),
  ('apheresis_max_ml_heavy', 650, 'ml', 'Thông tư 26/2013/TT-BYT, Điều 5', '2013-11-01'),
  ('apheresis_heavy_weight', 60, 'kg', 'Thông tư 26/2013/TT-BYT, Điều 5', '2013-11-01'),
  ('interval_after_whole_blood_days', 84, 'days', 'Thông tư 26/2013/TT-BYT, Điều 6', '2013-11-01'),
  ('interval_after_red_cells_days', 84, 'days', 'Thông tư 26/2013/TT-BYT, Điều 6', '2013-11-01'),
  ('interval_after_plasma_days', 14, 'days', 'Thông tư 26/2013/TT-BYT, Điều 6', '2013-11-01'),
  ('interval_after_platelets_days', 14, 'days', 'Thông tư 26/2013/TT-BYT, Điều 6', '2013-11-01')
ON CONFLICT (key, effective_from) DO NOTHING;
--> statement-breakpoint
INSERT INTO deferral_reasons (code, name_vi, name_en, days, permanent, legal_source) VALUES
  ('low_weight', 'Cân nặng chưa đủ', 'Weight below the minimum', NULL, false, 'Thông tư 26/2013/TT-BYT'),
  ('interval', 'Chưa đủ thời gian từ lần hiến trước', 'Too soon after the last donation', NULL, false, 'Thông tư 26/2013/TT-BYT'),
  ('age', 'Ngoài độ tuổi hiến máu', 'Outside the donation age', NULL, false, 'Thông tư 26/2013/TT-BYT'),
  ('low_hemoglobin', 'Huyết sắc tố thấp', 'Low haemoglobin', 90, false, 'Thông tư 26/2013/TT-BYT'),
  ('blood_pressure', 'Huyết áp không đạt', 'Blood pressure out of range', 14, false, 'Thông tư 26/2013/TT-BYT'),
  ('tattoo_piercing', 'Xăm mình, xỏ khuyên trong 6 tháng', 'Tattoo or piercing within 6 months', 180, false, 'Thông tư 26/2013/TT-BYT'),
  ('recent_illness', 'Mới ốm, đang dùng thuốc', 'Recent illness or medication', 14, false, 'Thông tư 26/2013/TT-BYT'),
  ('pregnancy', 'Đang mang thai, cho con bú', 'Pregnancy or breastfeeding', 365, false, 'Thông tư 26/2013/TT-BYT'),
  ('infection_risk', 'Nguy cơ lây nhiễm qua đường máu', 'Risk of blood-borne infection', NULL, true, 'Thông tư 26/2013/TT-BYT'),
  ('chronic_disease', 'Bệnh mạn tính không được hiến máu', 'Chronic disease excluding donation', NULL, true, 'Thông tư 26/2013/TT-BYT'),
  ('other', 'Lý do khác', 'Other reason', NULL, false, NULL)
ON CONFLICT (code) DO NOTHING;
--> statement-breakpoint
-- Permissions of blood donation (roles are data): organising drives, clubs, donor lists (blood.manage); reading
-- health data — blood group, deferral reasons, screening, the questionnaire (blood.health).
UPDATE roles SET permissions = permissions || ARRAY['blood.manage']
WHERE key IN ('system_admin', 'org_admin') AND NOT ('blood.manage' = ANY (permissions));
--> statement-breakpoint
UPDATE roles SET permissions = permissions || ARRAY['blood.health']
WHERE key = 'system_admin' AND NOT ('blood.health' = ANY (permissions));
--> statement-breakpoint
INSERT INTO roles (key, name_vi, name_en, permissions, is_builtin) VALUES
  ('blood_organiser', 'Cán bộ vận động hiến máu', 'Blood drive organiser',
   ARRAY['org.read','blood.manage','person.manage','report.write'], true),
  ('blood_desk', 'Cán bộ tiếp nhận máu', 'Blood collection staff',
   ARRAY['org.read','blood.manage','blood.health','person.manage','person.sensitive'], true)
ON CONFLICT (key) DO NOTHING;
--> statement-breakpoint
ALTER TABLE "blood_donations" ADD CONSTRAINT "blood_donations_drive_id_blood_drives_id_fk" FOREIGN KEY ("drive_id") REFERENCES "public"."blood_drives"("id");
