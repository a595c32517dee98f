-- Policy generations (StartPolicyGeneration) and their assets. Portable SQL: H2 (PostgreSQL mode) and PostgreSQL.
CREATE TABLE policy_generations (
    policy_generation_id  VARCHAR(64)   NOT NULL PRIMARY KEY,
    policy_engine_id      VARCHAR(64)   NOT NULL,
    name                  VARCHAR(48)   NOT NULL,
    arn                   VARCHAR(256)  NOT NULL,
    resource_arn          VARCHAR(1011) NOT NULL,
    raw_text              VARCHAR(2000) NOT NULL,
    status                VARCHAR(20)   NOT NULL,
    status_reasons        TEXT          NOT NULL,
    client_token          VARCHAR(256),
    request_hash          VARCHAR(64)   NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
-- clientToken idempotency is per engine; NULL tokens never collide.
CREATE UNIQUE INDEX policy_generations_client_token ON policy_generations (policy_engine_id, client_token);
CREATE INDEX policy_generations_engine ON policy_generations (policy_engine_id, created_at);
CREATE INDEX policy_generations_status ON policy_generations (status, created_at);

CREATE TABLE policy_generation_assets (
    policy_generation_id        VARCHAR(64) NOT NULL REFERENCES policy_generations (policy_generation_id) ON DELETE CASCADE,
    ordinal                     INTEGER     NOT NULL,
    policy_generation_asset_id  VARCHAR(64) NOT NULL,
    cedar                       TEXT,
    raw_text_fragment           VARCHAR(2000) NOT NULL,
    span_start                  INTEGER,
    span_end                    INTEGER,
    findings                    TEXT        NOT NULL,
    explanation                 TEXT,
    examples                    TEXT        NOT NULL,
    provenance                  TEXT        NOT NULL,
    PRIMARY KEY (policy_generation_id, ordinal)
);
CREATE UNIQUE INDEX policy_generation_assets_id ON policy_generation_assets (policy_generation_id, policy_generation_asset_id);
