ALTER TABLE "audit_log" ADD COLUMN "entity_label" text;--> statement-breakpoint
-- Backfill: the name the entry's own before/after carries (the rule recordAudit applies to new entries)…
UPDATE "audit_log" SET "entity_label" = left(COALESCE(
  "after"->>'name', "after"->>'fullName', "after"->>'title', "after"->>'number', "after"->>'username', "after"->>'code',
  "before"->>'name', "before"->>'fullName', "before"->>'title', "before"->>'number', "before"->>'username', "before"->>'code'), 300)
WHERE jsonb_typeof("after") = 'object' OR jsonb_typeof("before") = 'object';--> statement-breakpoint
-- …else the object's name today, for the objects that still exist.
UPDATE "audit_log" a SET "entity_label" = o."name" FROM "organisations" o
WHERE a."entity_label" IS NULL AND a."entity_type" = 'organisation' AND a."entity_id" = o."id"::text;--> statement-breakpoint
UPDATE "audit_log" a SET "entity_label" = p."full_name" FROM "people" p
WHERE a."entity_label" IS NULL AND a."entity_type" = 'person' AND a."entity_id" = p."id"::text;--> statement-breakpoint
UPDATE "audit_log" a SET "entity_label" = u."full_name" FROM "users" u
WHERE a."entity_label" IS NULL AND a."entity_type" = 'user' AND a."entity_id" = u."id"::text;--> statement-breakpoint
UPDATE "audit_log" a SET "entity_label" = p."title" FROM "plans" p
WHERE a."entity_label" IS NULL AND a."entity_type" = 'plan' AND a."entity_id" = p."id"::text;--> statement-breakpoint
UPDATE "audit_log" a SET "entity_label" = c."title" FROM "training_classes" c
WHERE a."entity_label" IS NULL AND a."entity_type" = 'training_class' AND a."entity_id" = c."id"::text;--> statement-breakpoint
UPDATE "audit_log" a SET "entity_label" = c."number" FROM "certificates" c
WHERE a."entity_label" IS NULL AND a."entity_type" = 'certificate' AND a."entity_id" = c."id"::text;--> statement-breakpoint
UPDATE "audit_log" a SET "entity_label" = c."name_vi" FROM "course_types" c
WHERE a."entity_label" IS NULL AND a."entity_type" = 'course_type' AND a."entity_id" = c."id"::text;
