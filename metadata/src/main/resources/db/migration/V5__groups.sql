-- Groups and their members (iam-api.md section 1): names unique case-insensitively in the account.
CREATE TABLE user_groups (
    account_id  VARCHAR(32)  NOT NULL REFERENCES accounts (id),
    id          VARCHAR(32)  NOT NULL UNIQUE,
    name        VARCHAR(64)  NOT NULL,
    name_key    VARCHAR(64)  NOT NULL,
    comments    VARCHAR(256) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, name_key)
);

CREATE TABLE group_members (
    account_id  VARCHAR(32)  NOT NULL,
    group_key   VARCHAR(64)  NOT NULL,
    user_key    VARCHAR(64)  NOT NULL,
    joined_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, group_key, user_key),
    FOREIGN KEY (account_id, group_key) REFERENCES user_groups (account_id, name_key) ON UPDATE CASCADE,
    FOREIGN KEY (account_id, user_key) REFERENCES users (account_id, name_key) ON UPDATE CASCADE
);
CREATE INDEX group_members_by_user ON group_members (account_id, user_key);
