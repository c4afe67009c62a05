-- Accounts, their AccessKeys and password hashes (iam-api.md sections 1 and 5).
-- Written once for H2 (in PostgreSQL mode) and PostgreSQL.

CREATE TABLE accounts (
    id          VARCHAR(32)  PRIMARY KEY,
    alias       VARCHAR(64)  UNIQUE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- owner_key is the lower-case RAM user name, or '' for the account itself.
CREATE TABLE access_keys (
    id          VARCHAR(80)  PRIMARY KEY,
    account_id  VARCHAR(32)  NOT NULL REFERENCES accounts (id),
    user_name   VARCHAR(64),
    owner_key   VARCHAR(64)  NOT NULL,
    secret      VARCHAR(512) NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX access_keys_by_owner ON access_keys (account_id, owner_key);

CREATE TABLE passwords (
    account_id  VARCHAR(32)  NOT NULL REFERENCES accounts (id),
    owner_key   VARCHAR(64)  NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    hash        VARCHAR(512) NOT NULL,
    PRIMARY KEY (account_id, owner_key, kind)
);
