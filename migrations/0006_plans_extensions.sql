CREATE TABLE "notifications" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link" text,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"emailed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "scheduled_jobs" (
	"name" text PRIMARY KEY NOT NULL,
	"last_run_on" date,
	"last_run_at" timestamp with time zone,
	"last_result" text
);
--> statement-breakpoint
CREATE TABLE "plan_activities" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plan_activities_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"position" integer NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"lead_org_id" integer,
	"starts_on" date,
	"ends_on" date,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_activity_outputs" (
	"activity_id" integer NOT NULL,
	"metric" text NOT NULL,
	"planned" numeric,
	"actual" numeric,
	"reported_by" integer,
	"reported_at" timestamp with time zone,
	CONSTRAINT "plan_activity_outputs_activity_id_metric_pk" PRIMARY KEY("activity_id","metric")
);
--> statement-breakpoint
CREATE TABLE "plan_activity_partners" (
	"activity_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	CONSTRAINT "plan_activity_partners_activity_id_org_id_pk" PRIMARY KEY("activity_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "plan_attachments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plan_attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"removed" boolean DEFAULT false NOT NULL,
	"uploaded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_report_breakdowns" (
	"report_id" integer NOT NULL,
	"indicator_id" integer NOT NULL,
	"category" text NOT NULL,
	"value" numeric NOT NULL,
	CONSTRAINT "plan_report_breakdowns_report_id_indicator_id_category_pk" PRIMARY KEY("report_id","indicator_id","category")
);
--> statement-breakpoint
CREATE TABLE "plan_revisions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plan_revisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"revision" integer NOT NULL,
	"revised_on" date NOT NULL,
	"document_number" text,
	"reason" text NOT NULL,
	"changes" jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan_targets" DROP CONSTRAINT "plan_targets_indicator_id_org_id_pk";--> statement-breakpoint
ALTER TABLE "plan_targets" ADD COLUMN "period_key" text DEFAULT '*' NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_indicator_id_org_id_period_key_pk" PRIMARY KEY("indicator_id","org_id","period_key");--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD COLUMN "min_value" numeric;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD COLUMN "max_value" numeric;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD COLUMN "breakdown_label" text;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD COLUMN "breakdown_categories" jsonb;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "report_lock_days" integer;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_activities" ADD CONSTRAINT "plan_activities_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_activities" ADD CONSTRAINT "plan_activities_lead_org_id_organisations_id_fk" FOREIGN KEY ("lead_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_activity_outputs" ADD CONSTRAINT "plan_activity_outputs_activity_id_plan_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."plan_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_activity_partners" ADD CONSTRAINT "plan_activity_partners_activity_id_plan_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."plan_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_activity_partners" ADD CONSTRAINT "plan_activity_partners_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_attachments" ADD CONSTRAINT "plan_attachments_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_report_breakdowns" ADD CONSTRAINT "plan_report_breakdowns_report_id_plan_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."plan_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_report_breakdowns" ADD CONSTRAINT "plan_report_breakdowns_indicator_id_plan_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."plan_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_revisions" ADD CONSTRAINT "plan_revisions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_uq" ON "notifications" USING btree ("user_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "plan_activities_plan_idx" ON "plan_activities" USING btree ("plan_id","position");--> statement-breakpoint
CREATE INDEX "plan_attachments_plan_idx" ON "plan_attachments" USING btree ("plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_revisions_uq" ON "plan_revisions" USING btree ("plan_id","revision");