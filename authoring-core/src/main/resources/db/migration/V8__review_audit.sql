-- Issue 10: who started each generation (four-eyes), asset reviews, and the hash-chained audit trail.
ALTER TABLE policy_generations ADD COLUMN started_by VARCHAR(128) DEFAULT 'local' NOT NULL;

-- Every review decision on an asset, in order. (generation, asset, sequence_no) is the key, so two
-- concurrent decisions on the same asset cannot both be the next one: the loser gets a ConflictException.
CREATE TABLE asset_reviews (
    policy_generation_id        VARCHAR(64)   NOT NULL,
    policy_generation_asset_id  VARCHAR(64)   NOT NULL,
    sequence_no                 INTEGER       NOT NULL,
    review_id                   VARCHAR(64)   NOT NULL,
    policy_engine_id            VARCHAR(64)   NOT NULL,
    decision                    VARCHAR(20)   NOT NULL,
    reviewer                    VARCHAR(128)  NOT NULL,
    comment                     VARCHAR(4096),
    statement                   TEXT,
    statement_sha256            VARCHAR(64),
    edited                      BOOLEAN       NOT NULL,
    difference                  TEXT,
    acknowledged_findings       TEXT          NOT NULL,
    policy_id                   VARCHAR(64),
    created_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (policy_generation_id, policy_generation_asset_id, sequence_no),
    CONSTRAINT asset_reviews_id_unique UNIQUE (review_id)
);

-- Append-only: the service never updates or deletes rows here. hash chains each event to the previous one.
CREATE TABLE audit_events (
    sequence_no       BIGINT        NOT NULL PRIMARY KEY,
    event_id          VARCHAR(64)   NOT NULL,
    occurred_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    principal         VARCHAR(128)  NOT NULL,
    action            VARCHAR(128)  NOT NULL,
    resource_arn      VARCHAR(1100) NOT NULL,
    details           TEXT          NOT NULL,
    statement_sha256  VARCHAR(64),
    previous_hash     VARCHAR(64)   NOT NULL,
    hash              VARCHAR(64)   NOT NULL,
    CONSTRAINT audit_events_id_unique UNIQUE (event_id)
);
CREATE INDEX audit_events_resource ON audit_events (resource_arn, sequence_no);
CREATE INDEX audit_events_principal ON audit_events (principal, sequence_no);

-- The chain head: appends lock this row, so sequence numbers have no gaps and links never fork.
CREATE TABLE audit_chain_head (
    id             INTEGER      NOT NULL PRIMARY KEY,
    last_sequence  BIGINT       NOT NULL,
    last_hash      VARCHAR(64)  NOT NULL
);
INSERT INTO audit_chain_head (id, last_sequence, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
