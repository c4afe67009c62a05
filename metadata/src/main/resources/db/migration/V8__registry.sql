-- The registry (registry.md sections 1 and 6): instances, their namespaces and repositories, and per
-- repository its manifests, tags, blob links and upload sessions. Written once for H2 (in PostgreSQL
-- mode) and PostgreSQL. The placeholder code_point_order is COLLATE "C" on PostgreSQL and nothing on
-- H2 (whose strings compare by UTF-16 unit, the same for these ASCII names): names and tags sort by
-- code point, as the ports and the OCI tag list ask, whatever the database's locale. Instances are
-- not tied to accounts by a foreign key: the registry's store stands apart from the identity store.

-- personal_account is the account of a Personal Edition instance, NULL otherwise: unique, so that an
-- account has at most one (NULLs are distinct).
CREATE TABLE registry_instances (
    id                VARCHAR(21)  ${code_point_order} PRIMARY KEY,
    account_id        VARCHAR(32)  NOT NULL,
    name              VARCHAR(30)  NOT NULL UNIQUE,
    instance_type     VARCHAR(16)  NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    resource_group    VARCHAR(64)  NOT NULL,
    personal_account  VARCHAR(32)  UNIQUE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX registry_instances_by_account ON registry_instances (account_id, id);

-- scope is 'personal' for the namespaces of Personal Edition instances, whose names are unique across
-- all of them, and the instance id for the others, whose names are unique within their instance.
CREATE TABLE registry_namespaces (
    id                 VARCHAR(20)  PRIMARY KEY,
    instance_id        VARCHAR(21)  NOT NULL,
    scope              VARCHAR(21)  NOT NULL,
    name               VARCHAR(120) ${code_point_order} NOT NULL,
    auto_create_repo   BOOLEAN      NOT NULL,
    default_repo_type  VARCHAR(8)   NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (scope, name)
);
CREATE INDEX registry_namespaces_by_instance ON registry_namespaces (instance_id, name);

-- full_name is <namespace>/<repository>: unique in the instance, and the order of listings.
CREATE TABLE registry_repositories (
    id                VARCHAR(20)   PRIMARY KEY,
    instance_id       VARCHAR(21)   NOT NULL,
    namespace_name    VARCHAR(120)  NOT NULL,
    full_name         VARCHAR(185)  ${code_point_order} NOT NULL,
    repo_type         VARCHAR(8)    NOT NULL,
    summary           VARCHAR(1024) NOT NULL,
    tag_immutability  BOOLEAN       NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    modified_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (instance_id, full_name)
);
CREATE INDEX registry_repositories_by_namespace ON registry_repositories (instance_id, namespace_name, full_name);

-- Everything below belongs to one repository and goes with it. Digests are at most `sha512:` and
-- 128 hex digits. content holds the manifest's bytes exactly as pushed.
CREATE TABLE registry_manifests (
    repository_id  VARCHAR(20)  NOT NULL REFERENCES registry_repositories (id) ON DELETE CASCADE,
    digest         VARCHAR(135) NOT NULL,
    media_type     VARCHAR(255) NOT NULL,
    content        BYTEA        NOT NULL,
    artifact_type  VARCHAR(255),
    subject        VARCHAR(135),
    pushed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (repository_id, digest)
);
CREATE INDEX registry_manifests_by_subject ON registry_manifests (repository_id, subject);

-- The blobs (kind 'blob') and child manifests (kind 'child') a manifest references, seq its order.
CREATE TABLE registry_manifest_references (
    repository_id  VARCHAR(20)  NOT NULL,
    manifest       VARCHAR(135) NOT NULL,
    kind           VARCHAR(5)   NOT NULL,
    seq            INTEGER      NOT NULL,
    target         VARCHAR(135) NOT NULL,
    PRIMARY KEY (repository_id, manifest, kind, seq),
    FOREIGN KEY (repository_id, manifest) REFERENCES registry_manifests (repository_id, digest) ON DELETE CASCADE
);
CREATE INDEX registry_manifest_references_by_target ON registry_manifest_references (repository_id, target, kind);

CREATE TABLE registry_tags (
    repository_id  VARCHAR(20)  NOT NULL REFERENCES registry_repositories (id) ON DELETE CASCADE,
    tag            VARCHAR(128) ${code_point_order} NOT NULL,
    digest         VARCHAR(135) NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (repository_id, tag)
);
CREATE INDEX registry_tags_by_digest ON registry_tags (repository_id, digest);

CREATE TABLE registry_blob_links (
    repository_id  VARCHAR(20)  NOT NULL REFERENCES registry_repositories (id) ON DELETE CASCADE,
    digest         VARCHAR(135) NOT NULL,
    blob_size      BIGINT       NOT NULL,
    PRIMARY KEY (repository_id, digest)
);
CREATE INDEX registry_blob_links_by_digest ON registry_blob_links (digest);

CREATE TABLE registry_uploads (
    id             VARCHAR(36)  PRIMARY KEY,
    instance_id    VARCHAR(21)  NOT NULL,
    repository_id  VARCHAR(20)  NOT NULL REFERENCES registry_repositories (id) ON DELETE CASCADE,
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX registry_uploads_by_start ON registry_uploads (started_at, id);
CREATE INDEX registry_uploads_by_repository ON registry_uploads (repository_id);
