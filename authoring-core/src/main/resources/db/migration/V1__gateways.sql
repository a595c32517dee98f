-- Gateways and their targets. The request documents are stored whole (JSON text) so every member a
-- client sent is echoed back; the columns beside them are what the service queries by.
-- client_token + request_hash implement clientToken idempotency of CreateGateway / CreateGatewayTarget.
CREATE TABLE gateways (
    gateway_id         VARCHAR(128)  NOT NULL PRIMARY KEY,
    name               VARCHAR(128)  NOT NULL,
    gateway_arn        VARCHAR(512)  NOT NULL,
    authorizer_type    VARCHAR(32)   NOT NULL,
    policy_engine_arn  VARCHAR(256),
    policy_engine_mode VARCHAR(32),
    status             VARCHAR(32)   NOT NULL,
    schema_version     BIGINT        NOT NULL,
    document           TEXT          NOT NULL,
    client_token       VARCHAR(256),
    request_hash       VARCHAR(64),
    created_at         TIMESTAMP     NOT NULL,
    updated_at         TIMESTAMP     NOT NULL,
    CONSTRAINT gateways_name_unique UNIQUE (name),
    CONSTRAINT gateways_client_token_unique UNIQUE (client_token)
);
CREATE INDEX gateways_policy_engine ON gateways (policy_engine_arn);
CREATE INDEX gateways_created ON gateways (created_at, gateway_id);

CREATE TABLE gateway_targets (
    gateway_id  VARCHAR(128) NOT NULL REFERENCES gateways (gateway_id) ON DELETE CASCADE,
    target_id   VARCHAR(32)  NOT NULL,
    name        VARCHAR(128) NOT NULL,
    status      VARCHAR(32)  NOT NULL,
    document    TEXT         NOT NULL,
    tools       TEXT         NOT NULL,
    client_token VARCHAR(256),
    request_hash VARCHAR(64),
    created_at  TIMESTAMP    NOT NULL,
    updated_at  TIMESTAMP    NOT NULL,
    PRIMARY KEY (gateway_id, target_id),
    CONSTRAINT gateway_targets_name_unique UNIQUE (gateway_id, name),
    CONSTRAINT gateway_targets_client_token_unique UNIQUE (gateway_id, client_token)
);
CREATE INDEX gateway_targets_created ON gateway_targets (gateway_id, created_at, target_id);
