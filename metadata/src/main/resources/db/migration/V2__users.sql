-- RAM users (iam-api.md section 1); name_key is the lower-case name, unique in the account.
CREATE TABLE users (
    account_id    VARCHAR(32)  NOT NULL REFERENCES accounts (id),
    id            VARCHAR(32)  NOT NULL UNIQUE,
    name          VARCHAR(64)  NOT NULL,
    name_key      VARCHAR(64)  NOT NULL,
    display_name  VARCHAR(128) NOT NULL,
    email         VARCHAR(256) NOT NULL,
    mobile_phone  VARCHAR(32)  NOT NULL,
    comments      VARCHAR(256) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, name_key)
);
