-- GA AgentCore members (issue 9).
-- encryptionKeyArn of a policy engine: stored and returned; this service does not encrypt with it.
ALTER TABLE policy_engines ADD COLUMN encryption_key_arn VARCHAR(2048);
-- A generation's findings summary ("3 assets: 2 VALID, 1 NOT_TRANSLATABLE"), set when it completes.
ALTER TABLE policy_generations ADD COLUMN findings VARCHAR(1024);
-- TagResource / UntagResource / ListTagsForResource, and the tags of CreateGateway / CreatePolicyEngine.
-- Keyed by the resource ARN; rows are deleted with their resource.
CREATE TABLE resource_tags (
    resource_arn  VARCHAR(1011) NOT NULL,
    tag_key       VARCHAR(128)  NOT NULL,
    tag_value     VARCHAR(256)  NOT NULL,
    PRIMARY KEY (resource_arn, tag_key)
);
