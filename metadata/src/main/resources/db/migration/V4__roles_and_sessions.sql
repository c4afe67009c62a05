-- Roles (iam-api.md section 1) and the sessions STS issues for them. A session keeps its secret
-- sealed and only a SHA-256 hash of its SecurityToken.
CREATE TABLE roles (
    account_id            VARCHAR(32)  NOT NULL REFERENCES accounts (id),
    id                    VARCHAR(32)  NOT NULL UNIQUE,
    name                  VARCHAR(64)  NOT NULL,
    name_key              VARCHAR(64)  NOT NULL,
    description           VARCHAR(1024) NOT NULL,
    trust_policy          TEXT         NOT NULL,
    max_session_duration  INTEGER      NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, name_key)
);

CREATE TABLE role_sessions (
    access_key_id   VARCHAR(80)  PRIMARY KEY,
    account_id      VARCHAR(32)  NOT NULL REFERENCES accounts (id),
    role_name       VARCHAR(64)  NOT NULL,
    session_name    VARCHAR(64)  NOT NULL,
    secret          VARCHAR(512) NOT NULL,
    token_hash      VARCHAR(64)  NOT NULL,
    session_policy  TEXT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX role_sessions_by_expiry ON role_sessions (expires_at);
