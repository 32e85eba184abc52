CREATE TABLE "job_effects" (
	"key" text PRIMARY KEY NOT NULL,
	"done_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_workers" (
	"pool_id" text PRIMARY KEY NOT NULL,
	"hostname" text NOT NULL,
	"pid" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Every e-mail written to the outbox gets its delivery job in the same transaction, whoever
-- writes it: a rollback takes both, a commit keeps both. One job per message (its job key).
CREATE FUNCTION "enqueue_outbox_delivery"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM graphile_worker.add_job(
    'mail.send',
    json_build_object('outboxId', NEW.id),
    run_at => NEW.next_attempt_at,
    job_key => 'mail:' || NEW.id
  );
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "outbox_messages_enqueue_delivery"
  AFTER INSERT ON "outbox_messages"
  FOR EACH ROW WHEN (NEW.status = 'pending')
  EXECUTE FUNCTION "enqueue_outbox_delivery"();
--> statement-breakpoint
-- Messages that were waiting for the old poller move onto the queue.
SELECT graphile_worker.add_job(
  'mail.send',
  json_build_object('outboxId', id),
  run_at => next_attempt_at,
  job_key => 'mail:' || id
) FROM "outbox_messages" WHERE status = 'pending';
