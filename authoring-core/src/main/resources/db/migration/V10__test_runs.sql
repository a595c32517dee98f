-- Issue 11: saved test suite runs, optionally attached to a generated asset under review (the console shows
-- them beside the asset). result holds the run as answered (cases, decisions, totals), JSON.
CREATE TABLE test_runs (
    test_run_id                 VARCHAR(64)   NOT NULL PRIMARY KEY,
    policy_engine_id            VARCHAR(64)   NOT NULL,
    policy_generation_id        VARCHAR(64),
    policy_generation_asset_id  VARCHAR(64),
    created_by                  VARCHAR(128)  NOT NULL,
    created_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    passed                      INTEGER       NOT NULL,
    failed                      INTEGER       NOT NULL,
    result                      TEXT          NOT NULL
);
CREATE INDEX test_runs_by_asset ON test_runs (policy_generation_id, policy_generation_asset_id, created_at);
CREATE INDEX test_runs_by_engine ON test_runs (policy_engine_id, created_at);
