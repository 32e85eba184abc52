DROP INDEX "training_sessions_activity_idx";--> statement-breakpoint
CREATE INDEX "activities_code_prefix_idx" ON "activities" USING btree ("code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "training_sessions_activity_status_idx" ON "training_sessions" USING btree ("activity_id","status");