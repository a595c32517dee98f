-- Policy engines, their policies, and clientToken idempotency records (shared by every create call
-- that takes a clientToken: CreatePolicyEngine, CreatePolicy, StartPolicyGeneration).
CREATE TABLE policy_engines (
    policy_engine_id  VARCHAR(64)   NOT NULL PRIMARY KEY,
    name              VARCHAR(48)   NOT NULL,
    arn               VARCHAR(256)  NOT NULL,
    description       VARCHAR(4096),
    status            VARCHAR(32)   NOT NULL,
    status_reasons    TEXT          NOT NULL,
    created_at        TIMESTAMP     NOT NULL,
    updated_at        TIMESTAMP     NOT NULL,
    CONSTRAINT uq_policy_engines_name UNIQUE (name)
);

CREATE TABLE policies (
    policy_id         VARCHAR(64)   NOT NULL PRIMARY KEY,
    policy_engine_id  VARCHAR(64)   NOT NULL REFERENCES policy_engines (policy_engine_id),
    name              VARCHAR(48)   NOT NULL,
    arn               VARCHAR(256)  NOT NULL,
    description       VARCHAR(4096),
    definition_kind   VARCHAR(16)   NOT NULL,
    statement         TEXT          NOT NULL,
    -- the gateway ARN in the policy's scope (resource == AgentCore::Gateway::"..."), NULL when unscoped
    resource_scope    VARCHAR(1024),
    validation_mode   VARCHAR(32)   NOT NULL,
    enforcement_mode  VARCHAR(16)   NOT NULL,
    status            VARCHAR(32)   NOT NULL,
    status_reasons    TEXT          NOT NULL,
    created_at        TIMESTAMP     NOT NULL,
    updated_at        TIMESTAMP     NOT NULL,
    CONSTRAINT uq_policies_engine_name UNIQUE (policy_engine_id, name)
);
CREATE INDEX ix_policies_engine ON policies (policy_engine_id, created_at);

CREATE TABLE idempotency_records (
    scope          VARCHAR(256)  NOT NULL,
    client_token   VARCHAR(256)  NOT NULL,
    request_hash   VARCHAR(64)   NOT NULL,
    response_json  TEXT          NOT NULL,
    created_at     TIMESTAMP     NOT NULL,
    PRIMARY KEY (scope, client_token)
);
