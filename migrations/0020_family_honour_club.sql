ALTER TABLE "donor_honours" ADD COLUMN "club_id" integer;--> statement-breakpoint
ALTER TABLE "donor_honours" ADD CONSTRAINT "donor_honours_club_id_donor_clubs_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."donor_clubs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Family honours proposed before the column: their family is the one the honoured person heads (the first such
-- membership, as the honour was shown until now).
UPDATE "donor_honours" h SET "club_id" = (
  SELECT m."club_id" FROM "donor_club_members" m JOIN "donor_clubs" c ON c."id" = m."club_id"
  WHERE m."person_id" = h."person_id" AND m."role" = 'leader' AND c."kind" = 'family' ORDER BY m."id" LIMIT 1)
FROM "honour_rules" r WHERE r."id" = h."rule_id" AND r."kind" = 'family';
