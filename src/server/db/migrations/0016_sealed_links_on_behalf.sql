ALTER TABLE "outbox_messages" ADD COLUMN "sealed_links" jsonb DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE "nomination_events" ADD COLUMN "on_behalf_of" text;--> statement-breakpoint
ALTER TABLE "nomination_events" ADD CONSTRAINT "nomination_events_on_behalf_of_nations_code_fk" FOREIGN KEY ("on_behalf_of") REFERENCES "public"."nations"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Hand-written: e-mails sent before this release keep no working one-time link either. The same
-- masking and hashing as `sealSecretLinks` in src/server/features/messages/links.ts.
UPDATE "outbox_messages" AS o SET
  "sealed_links" = o."sealed_links" || (
    SELECT coalesce(
      jsonb_agg(
        jsonb_build_object(
          'page', l.page,
          'tokenHash', encode(sha256(convert_to(l.token, 'UTF8')), 'hex')
        ) ORDER BY l.first
      ),
      '[]'::jsonb
    )
    FROM (
      SELECT m.found[1] AS page, m.found[2] AS token, min(m.n) AS first
      FROM regexp_matches(
        o."subject" || E'\n' || o."body", '/(password|survey)/([A-Za-z0-9_-]+)', 'g'
      ) WITH ORDINALITY AS m(found, n)
      GROUP BY 1, 2
    ) AS l
  ),
  "subject" = regexp_replace(o."subject", '/(password|survey)/[A-Za-z0-9_-]+', '/\1/••••••', 'g'),
  "body" = regexp_replace(o."body", '/(password|survey)/[A-Za-z0-9_-]+', '/\1/••••••', 'g')
WHERE o."status" = 'sent'
  AND (o."subject" || E'\n' || o."body") ~ '/(password|survey)/[A-Za-z0-9_-]+';
