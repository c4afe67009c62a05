-- Console login profiles of RAM users (iam-api.md sections 4 and 5); the password hash itself is in
-- passwords (kind CONSOLE).
CREATE TABLE login_profiles (
    account_id               VARCHAR(32) NOT NULL,
    user_key                 VARCHAR(64) NOT NULL,
    password_reset_required  BOOLEAN     NOT NULL,
    mfa_bind_required        BOOLEAN     NOT NULL,
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, user_key),
    FOREIGN KEY (account_id, user_key) REFERENCES users (account_id, name_key) ON UPDATE CASCADE
);
