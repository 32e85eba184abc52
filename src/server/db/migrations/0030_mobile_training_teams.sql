CREATE TABLE "session_staff_travel" (
	"session_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"arrival_at" timestamp with time zone,
	"arrival_flight" text,
	"departure_at" timestamp with time zone,
	"departure_flight" text,
	"hotel" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_staff_travel_session_id_user_id_pk" PRIMARY KEY("session_id","user_id"),
	CONSTRAINT "session_staff_travel_order_check" CHECK ("session_staff_travel"."departure_at" is null or "session_staff_travel"."arrival_at" is null or "session_staff_travel"."departure_at" >= "session_staff_travel"."arrival_at")
);
--> statement-breakpoint
ALTER TABLE "training_sessions" ADD COLUMN "host_nation_code" text;--> statement-breakpoint
ALTER TABLE "session_staff_travel" ADD CONSTRAINT "session_staff_travel_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_staff_travel" ADD CONSTRAINT "session_staff_travel_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_host_nation_code_nations_code_fk" FOREIGN KEY ("host_nation_code") REFERENCES "public"."nations"("code") ON DELETE no action ON UPDATE no action;