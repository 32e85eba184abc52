CREATE TABLE "audit_chain_head" (
	"only" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_chain_head_one_row" CHECK ("audit_chain_head"."only")
);
--> statement-breakpoint
CREATE TABLE "audit_checkpoints" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"key_id" text NOT NULL,
	"public_key" text NOT NULL,
	"signature" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_verifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone DEFAULT now() NOT NULL,
	"intact" boolean NOT NULL,
	"records" bigint NOT NULL,
	"head_seq" bigint,
	"checkpoints" integer NOT NULL,
	"problem" jsonb,
	"source" text NOT NULL,
	"requested_by" uuid
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "chain_seq" bigint;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "hash" text;--> statement-breakpoint
ALTER TABLE "audit_verifications" ADD CONSTRAINT "audit_verifications_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_chain_seq_key" ON "audit_log" USING btree ("chain_seq");--> statement-breakpoint
-- Hand-written from here: the chain itself (see src/server/features/audit/chain-digest.ts,
-- which computes the same hash to verify it).
-- One field of a record's hashed text: its length in bytes, a colon and the text, or "~" for
-- NULL, so no two different records can give the same text.
CREATE FUNCTION audit_chain_field(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT CASE WHEN value IS NULL THEN '~' ELSE octet_length(value)::text || ':' || value END $$;
--> statement-breakpoint
-- A record's hash over its content and the previous record's hash. The place in the chain is
-- not hashed: the links (prev_hash) fix the order, so a reordering shows as a broken link and
-- not as an edit.
CREATE FUNCTION audit_record_hash(
  id bigint, at timestamptz, actor_id uuid, action text, entity_type text, entity_id text,
  before jsonb, after jsonb, request_id text, prev_hash text
) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT encode(sha256(convert_to(
    'rabita-audit-1'
    || audit_chain_field(id::text)
    || audit_chain_field(to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
    || audit_chain_field(actor_id::text)
    || audit_chain_field(action)
    || audit_chain_field(entity_type)
    || audit_chain_field(entity_id)
    || audit_chain_field(before::text)
    || audit_chain_field(after::text)
    || audit_chain_field(request_id)
    || audit_chain_field(prev_hash), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- The records written before the chain existed, chained in the order they were written.
DO $$
DECLARE
  r record;
  n bigint := 0;
  prev text := repeat('0', 64);
  h text;
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
    n := n + 1;
    h := audit_record_hash(r.id, r.at, r.actor_id, r.action, r.entity_type, r.entity_id,
                           r.before, r.after, r.request_id, prev);
    UPDATE audit_log SET chain_seq = n, prev_hash = prev, hash = h WHERE id = r.id;
    prev := h;
  END LOOP;
  INSERT INTO audit_chain_head ("only", seq, hash) VALUES (true, n, prev);
END $$;
--> statement-breakpoint
-- Chains each new record as its transaction commits: a deferred trigger locks the chain's head
-- row, gives the record the next place, the head's hash and its own, and moves the head. The lock
-- is held from there to the end of the commit only, with no round trip to the client in between,
-- so writers queue for the shortest time; the next writer links to this one, so the chain cannot
-- fork, and a transaction that rolls back never took a place. It runs as the schema's owner,
-- because the app may read the head and insert records but change neither.
CREATE FUNCTION audit_chain_append() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
DECLARE
  head_seq bigint;
  head_hash text;
  own_hash text;
BEGIN
  SELECT seq, hash INTO head_seq, head_hash FROM audit_chain_head FOR UPDATE;
  own_hash := audit_record_hash(NEW.id, NEW.at, NEW.actor_id, NEW.action, NEW.entity_type,
                                NEW.entity_id, NEW.before, NEW.after, NEW.request_id, head_hash);
  UPDATE audit_log SET chain_seq = head_seq + 1, prev_hash = head_hash, hash = own_hash
   WHERE id = NEW.id;
  UPDATE audit_chain_head SET seq = head_seq + 1, hash = own_hash;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER audit_log_chain AFTER INSERT ON audit_log
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION audit_chain_append();
