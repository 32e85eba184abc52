-- Refreshing a materialized view needs its ownership, and the app runs as a role that owns
-- nothing (see docs/decisions.md, "least-privilege database roles"). This function runs as its
-- owner, the schema owner, and does exactly the refreshes of the report roll-ups of 0007.
-- The search path is fixed so that nobody can slip another object in front of these names.
CREATE FUNCTION "refresh_report_rollups"("concurrent" boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF concurrent THEN
    REFRESH MATERIALIZED VIEW CONCURRENTLY "report_nomination_facts";
    REFRESH MATERIALIZED VIEW CONCURRENTLY "report_seat_facts";
    REFRESH MATERIALIZED VIEW CONCURRENTLY "report_evaluation_facts";
    REFRESH MATERIALIZED VIEW CONCURRENTLY "report_nation_evaluation_facts";
  ELSE
    REFRESH MATERIALIZED VIEW "report_nomination_facts";
    REFRESH MATERIALIZED VIEW "report_seat_facts";
    REFRESH MATERIALIZED VIEW "report_evaluation_facts";
    REFRESH MATERIALIZED VIEW "report_nation_evaluation_facts";
  END IF;
END
$$;
--> statement-breakpoint
-- Only the roles granted it (the app role, by Rabita's grants at start) may refresh.
REVOKE ALL ON FUNCTION "refresh_report_rollups"(boolean) FROM PUBLIC;
