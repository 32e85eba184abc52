ALTER TABLE "visa_letters" DROP CONSTRAINT "visa_letters_subject_check";--> statement-breakpoint
ALTER TABLE "visa_letters" DROP CONSTRAINT "visa_letters_session_lecturer_id_session_lecturers_id_fk";
--> statement-breakpoint
ALTER TABLE "visa_letters" ADD COLUMN "emailed_to" text;--> statement-breakpoint
ALTER TABLE "visa_letters" ADD CONSTRAINT "visa_letters_session_lecturer_id_session_lecturers_id_fk" FOREIGN KEY ("session_lecturer_id") REFERENCES "public"."session_lecturers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visa_letters" ADD CONSTRAINT "visa_letters_subject_check" CHECK (("visa_letters"."nomination_id" is null or "visa_letters"."session_lecturer_id" is null) and ("visa_letters"."nomination_id" is not null or "visa_letters"."session_lecturer_id" is not null or "visa_letters"."revoked_at" is not null));