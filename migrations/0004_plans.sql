CREATE TABLE "plan_indicators" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plan_indicators_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"position" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"numerator_label" text,
	"denominator_label" text,
	"goal_percent" numeric DEFAULT 100 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_recipients" (
	"plan_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"org_path" "ltree" NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "plan_recipients_plan_id_org_id_pk" PRIMARY KEY("plan_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "plan_report_values" (
	"report_id" integer NOT NULL,
	"indicator_id" integer NOT NULL,
	"value" numeric,
	"denominator" numeric,
	CONSTRAINT "plan_report_values_report_id_indicator_id_pk" PRIMARY KEY("report_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "plan_reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plan_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"org_path" "ltree" NOT NULL,
	"period_key" text NOT NULL,
	"status" text NOT NULL,
	"due_on" date NOT NULL,
	"first_submitted_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"reviewed_by" integer,
	"review_comment" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_rollups" (
	"plan_id" integer NOT NULL,
	"indicator_id" integer NOT NULL,
	"period_key" text NOT NULL,
	"org_id" integer NOT NULL,
	"value" numeric DEFAULT 0 NOT NULL,
	"denominator" numeric DEFAULT 0 NOT NULL,
	"yes_count" integer DEFAULT 0 NOT NULL,
	"reports" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "plan_rollups_plan_id_indicator_id_period_key_org_id_pk" PRIMARY KEY("plan_id","indicator_id","period_key","org_id")
);
--> statement-breakpoint
CREATE TABLE "plan_targets" (
	"indicator_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"value" numeric NOT NULL,
	"set_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_targets_indicator_id_org_id_pk" PRIMARY KEY("indicator_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"issuer_org_id" integer NOT NULL,
	"issuer_path" "ltree" NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"issued_on" date NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"legal_bases" text[] DEFAULT '{}' NOT NULL,
	"implements_plan_id" integer,
	"objectives" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"report_period_type" text NOT NULL,
	"report_due_on" date,
	"report_due_days" integer DEFAULT 10 NOT NULL,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD CONSTRAINT "plan_indicators_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_recipients" ADD CONSTRAINT "plan_recipients_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_recipients" ADD CONSTRAINT "plan_recipients_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_report_values" ADD CONSTRAINT "plan_report_values_report_id_plan_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."plan_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_report_values" ADD CONSTRAINT "plan_report_values_indicator_id_plan_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."plan_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_reports" ADD CONSTRAINT "plan_reports_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_reports" ADD CONSTRAINT "plan_reports_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_rollups" ADD CONSTRAINT "plan_rollups_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_rollups" ADD CONSTRAINT "plan_rollups_indicator_id_plan_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."plan_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_rollups" ADD CONSTRAINT "plan_rollups_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_indicator_id_plan_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."plan_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_issuer_org_id_organisations_id_fk" FOREIGN KEY ("issuer_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_indicators_code_uq" ON "plan_indicators" USING btree ("plan_id","code");--> statement-breakpoint
CREATE INDEX "plan_recipients_path_gist" ON "plan_recipients" USING gist ("org_path");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_reports_uq" ON "plan_reports" USING btree ("plan_id","org_id","period_key");--> statement-breakpoint
CREATE INDEX "plan_reports_path_gist" ON "plan_reports" USING gist ("org_path");--> statement-breakpoint
CREATE INDEX "plans_issuer_path_gist" ON "plans" USING gist ("issuer_path");