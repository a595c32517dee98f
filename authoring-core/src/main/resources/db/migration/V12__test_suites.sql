-- Issue 11: named test suites kept on the server per engine, so reviewers share them (the console's suite
-- panel). cases holds the suite's cases as sent (JSON array, validated against the gateway when saved and
-- again when run, since the gateway's tools may change in between).
CREATE TABLE test_suites (
    policy_engine_id  VARCHAR(64)   NOT NULL,
    name              VARCHAR(64)   NOT NULL,
    gateway_arn       VARCHAR(1011) NOT NULL,
    cases             TEXT          NOT NULL,
    case_count        INTEGER       NOT NULL,
    created_by        VARCHAR(128)  NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by        VARCHAR(128)  NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (policy_engine_id, name)
);
