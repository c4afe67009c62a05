-- Resource groups (iam-api.md section 1): registry resources belong to exactly one; attachments may
-- be scoped to one. Every account has a default group, made with the account.
CREATE TABLE resource_groups (
    account_id    VARCHAR(32)  NOT NULL REFERENCES accounts (id),
    id            VARCHAR(64)  NOT NULL,
    name          VARCHAR(64)  NOT NULL,
    display_name  VARCHAR(128) NOT NULL,
    is_default    BOOLEAN      NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (account_id, name)
);
