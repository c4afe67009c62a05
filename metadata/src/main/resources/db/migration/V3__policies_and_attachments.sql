-- Custom policies with their versions, and attachments of system or custom policies to principals
-- at account or resource-group scope (iam-api.md sections 1 and 4). System policies are built in
-- and not stored.
CREATE TABLE policies (
    account_id      VARCHAR(32)  NOT NULL REFERENCES accounts (id),
    name            VARCHAR(128) NOT NULL,
    name_key        VARCHAR(128) NOT NULL,
    description     VARCHAR(1024) NOT NULL,
    default_version VARCHAR(16)  NOT NULL,
    next_version    INTEGER      NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, name_key)
);

CREATE TABLE policy_versions (
    account_id  VARCHAR(32)  NOT NULL,
    policy_key  VARCHAR(128) NOT NULL,
    version_id  VARCHAR(16)  NOT NULL,
    document    TEXT         NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, policy_key, version_id),
    FOREIGN KEY (account_id, policy_key) REFERENCES policies (account_id, name_key)
);

-- principal_type: User, Group or Role; principal_key its lower-case name; policy_type System or
-- Custom; resource_group '' for account scope.
CREATE TABLE attachments (
    account_id      VARCHAR(32)  NOT NULL REFERENCES accounts (id),
    principal_type  VARCHAR(8)   NOT NULL,
    principal_key   VARCHAR(64)  NOT NULL,
    policy_type     VARCHAR(8)   NOT NULL,
    policy_key      VARCHAR(128) NOT NULL,
    policy_name     VARCHAR(128) NOT NULL,
    resource_group  VARCHAR(64)  NOT NULL,
    attached_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, principal_type, principal_key, policy_type, policy_key, resource_group)
);
CREATE INDEX attachments_by_policy ON attachments (account_id, policy_type, policy_key);
