-- Hardening (issue 8).
-- One idempotency mechanism for all five create operations: a token is claimed (its record inserted with
-- no response yet) at the start of the creating transaction and the response is filled in at its end.
ALTER TABLE idempotency_records ALTER COLUMN response_json DROP NOT NULL;

-- Gateways, targets and generations no longer keep their own clientToken columns' meaning; the columns
-- stay (older rows) but are no longer written, so their NOT NULL hash goes.
ALTER TABLE policy_generations ALTER COLUMN request_hash DROP NOT NULL;

-- Columns fit every value validation lets through:
-- a policy's resource scope is an entity id from a statement of up to 10,000 characters.
ALTER TABLE policies ALTER COLUMN resource_scope SET DATA TYPE VARCHAR(10000);
