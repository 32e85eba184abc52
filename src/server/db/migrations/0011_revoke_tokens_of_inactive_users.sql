-- Deactivation now revokes API tokens for good. Tokens of users deactivated before that were
-- only blocked while the account is inactive: revoke them, so re-activation revives none.
UPDATE "api_tokens" SET "revoked_at" = now()
 WHERE "revoked_at" IS NULL
   AND "user_id" IN (SELECT "id" FROM "users" WHERE NOT "active");
