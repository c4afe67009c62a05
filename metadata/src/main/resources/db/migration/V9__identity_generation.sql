-- One number that every identity transaction that changed a row moves on, in the same commit:
-- caches of what was derived from identities (compiled policies) are valid while it stands still.
CREATE TABLE identity_generation (
    id INTEGER PRIMARY KEY,
    generation BIGINT NOT NULL
);
INSERT INTO identity_generation (id, generation) VALUES (1, 0);
