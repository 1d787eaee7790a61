CREATE TABLE "people" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "people_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"full_name" text NOT NULL,
	"birth_date" date,
	"sex" text,
	"cccd" text,
	"phone" text,
	"email" text,
	"employer_org_id" integer,
	"job_title" text,
	"org_id" integer NOT NULL,
	"org_path" "ltree" NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"merged_into_id" integer,
	"search_text" text GENERATED ALWAYS AS (lower(ct_unaccent(full_name || ' ' || coalesce(phone, '')))) STORED NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attendance" (
	"enrolment_id" integer NOT NULL,
	"session_id" integer NOT NULL,
	"status" text NOT NULL,
	CONSTRAINT "attendance_enrolment_id_session_id_pk" PRIMARY KEY("enrolment_id","session_id")
);
--> statement-breakpoint
CREATE TABLE "certificate_counters" (
	"issuer_org_id" integer NOT NULL,
	"year" integer NOT NULL,
	"last_seq" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "certificate_counters_issuer_org_id_year_pk" PRIMARY KEY("issuer_org_id","year")
);
--> statement-breakpoint
CREATE TABLE "certificates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "certificates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"issuer_org_id" integer NOT NULL,
	"issuer_path" "ltree" NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"number" text NOT NULL,
	"person_id" integer NOT NULL,
	"enrolment_id" integer,
	"course_type_id" integer NOT NULL,
	"issued_on" date NOT NULL,
	"valid_until" date,
	"status" text DEFAULT 'valid' NOT NULL,
	"status_reason" text,
	"replaces_id" integer,
	"verify_code" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "class_sessions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "class_sessions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"class_id" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"hours" numeric NOT NULL,
	"topic" text,
	"venue" text
);
--> statement-breakpoint
CREATE TABLE "class_trainers" (
	"class_id" integer NOT NULL,
	"trainer_id" integer NOT NULL,
	CONSTRAINT "class_trainers_class_id_trainer_id_pk" PRIMARY KEY("class_id","trainer_id")
);
--> statement-breakpoint
CREATE TABLE "course_types" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "course_types_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"family" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"periods" integer,
	"hours" numeric NOT NULL,
	"max_learners" integer,
	"min_trainers" integer DEFAULT 1 NOT NULL,
	"prerequisite_code" text,
	"validity_months" integer,
	"refresher_months" integer,
	"refresher_hours" numeric,
	"pass_mark" numeric DEFAULT 5 NOT NULL,
	"certificate_kind" text DEFAULT 'certificate' NOT NULL,
	"legal_source" text NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"owner_org_id" integer,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enrolments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "enrolments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"class_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"status" text NOT NULL,
	"waitlisted_at" timestamp with time zone,
	"theory_score" numeric,
	"practice_score" numeric,
	"outcome" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trainers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "trainers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"person_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"org_path" "ltree" NOT NULL,
	"qualification" text NOT NULL,
	"course_codes" text[] DEFAULT '{}' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_classes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_classes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"request_id" integer,
	"provider_org_id" integer NOT NULL,
	"provider_path" "ltree" NOT NULL,
	"customer_org_id" integer,
	"course_type_id" integer NOT NULL,
	"title" text NOT NULL,
	"venue" text,
	"capacity" integer NOT NULL,
	"price_per_learner" numeric DEFAULT 0 NOT NULL,
	"paid_amount" numeric DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_requests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"requester_org_id" integer NOT NULL,
	"requester_path" "ltree" NOT NULL,
	"provider_org_id" integer NOT NULL,
	"provider_path" "ltree" NOT NULL,
	"course_type_id" integer NOT NULL,
	"learners" integer NOT NULL,
	"place" text,
	"preferred_from" date,
	"preferred_to" date,
	"notes" text,
	"status" text DEFAULT 'requested' NOT NULL,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_employer_org_id_organisations_id_fk" FOREIGN KEY ("employer_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_merged_into_id_people_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_session_id_class_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_counters" ADD CONSTRAINT "certificate_counters_issuer_org_id_organisations_id_fk" FOREIGN KEY ("issuer_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_issuer_org_id_organisations_id_fk" FOREIGN KEY ("issuer_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_course_type_id_course_types_id_fk" FOREIGN KEY ("course_type_id") REFERENCES "public"."course_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_sessions" ADD CONSTRAINT "class_sessions_class_id_training_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."training_classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_trainers" ADD CONSTRAINT "class_trainers_class_id_training_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."training_classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_trainers" ADD CONSTRAINT "class_trainers_trainer_id_trainers_id_fk" FOREIGN KEY ("trainer_id") REFERENCES "public"."trainers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_types" ADD CONSTRAINT "course_types_owner_org_id_organisations_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_class_id_training_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."training_classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainers" ADD CONSTRAINT "trainers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainers" ADD CONSTRAINT "trainers_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_classes" ADD CONSTRAINT "training_classes_request_id_training_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."training_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_classes" ADD CONSTRAINT "training_classes_provider_org_id_organisations_id_fk" FOREIGN KEY ("provider_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_classes" ADD CONSTRAINT "training_classes_customer_org_id_organisations_id_fk" FOREIGN KEY ("customer_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_classes" ADD CONSTRAINT "training_classes_course_type_id_course_types_id_fk" FOREIGN KEY ("course_type_id") REFERENCES "public"."course_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_requests" ADD CONSTRAINT "training_requests_requester_org_id_organisations_id_fk" FOREIGN KEY ("requester_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_requests" ADD CONSTRAINT "training_requests_provider_org_id_organisations_id_fk" FOREIGN KEY ("provider_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_requests" ADD CONSTRAINT "training_requests_course_type_id_course_types_id_fk" FOREIGN KEY ("course_type_id") REFERENCES "public"."course_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "people_cccd_uq" ON "people" USING btree ("cccd") WHERE "people"."cccd" IS NOT NULL AND "people"."status" = 'active';--> statement-breakpoint
CREATE INDEX "people_org_path_gist" ON "people" USING gist ("org_path");--> statement-breakpoint
CREATE INDEX "people_search_idx" ON "people" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "people_identity_idx" ON "people" USING btree (lower(ct_unaccent("full_name")),"birth_date","phone");--> statement-breakpoint
CREATE INDEX "people_employer_idx" ON "people" USING btree ("employer_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_number_uq" ON "certificates" USING btree ("issuer_org_id","year","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_verify_uq" ON "certificates" USING btree ("verify_code");--> statement-breakpoint
CREATE INDEX "certificates_person_idx" ON "certificates" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "certificates_issuer_gist" ON "certificates" USING gist ("issuer_path");--> statement-breakpoint
CREATE INDEX "class_sessions_class_idx" ON "class_sessions" USING btree ("class_id","starts_at");--> statement-breakpoint
CREATE INDEX "class_trainers_trainer_idx" ON "class_trainers" USING btree ("trainer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "course_types_code_uq" ON "course_types" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "enrolments_class_person_uq" ON "enrolments" USING btree ("class_id","person_id");--> statement-breakpoint
CREATE INDEX "enrolments_person_idx" ON "enrolments" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "trainers_person_org_uq" ON "trainers" USING btree ("person_id","org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_classes_code_uq" ON "training_classes" USING btree ("provider_org_id","code");--> statement-breakpoint
CREATE INDEX "training_classes_provider_gist" ON "training_classes" USING gist ("provider_path");--> statement-breakpoint
CREATE INDEX "training_requests_provider_gist" ON "training_requests" USING gist ("provider_path");--> statement-breakpoint
CREATE INDEX "training_requests_requester_gist" ON "training_requests" USING gist ("requester_path");