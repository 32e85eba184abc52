CREATE TABLE "rate_limit_counters" (
	"key_hash" "bytea" PRIMARY KEY NOT NULL,
	"hits" bigint NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "rate_limit_counters_expires_idx" ON "rate_limit_counters" USING btree ("expires_at");