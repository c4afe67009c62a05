package dev.berth.metadata.jdbc;

import dev.berth.iam.policy.CustomPolicy;
import dev.berth.iam.policy.PolicyVersion;
import dev.berth.iam.store.PolicyRepository;
import dev.berth.policy.value.AccountId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

final class JdbcPolicyRepository implements PolicyRepository {
    private static final String COLUMNS = "account_id, name, description, default_version, next_version, created_at, updated_at";

    private final Sql sql;

    JdbcPolicyRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(CustomPolicy policy, PolicyVersion firstVersion) {
        sql.update("INSERT INTO policies (" + COLUMNS + ", name_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                policy.account().value(), policy.name(), policy.description(), policy.defaultVersion(), policy.nextVersion(),
                policy.createdAt(), policy.updatedAt(), policy.key());
        insertVersion(policy.account(), policy.name(), firstVersion);
    }

    @Override
    public Optional<CustomPolicy> find(AccountId account, String name) {
        return sql.query("SELECT " + COLUMNS + " FROM policies WHERE account_id = ? AND name_key = ?", JdbcPolicyRepository::read,
                account.value(), key(name)).stream().findFirst();
    }

    @Override
    public List<CustomPolicy> list(AccountId account) {
        return sql.query("SELECT " + COLUMNS + " FROM policies WHERE account_id = ? ORDER BY name_key", JdbcPolicyRepository::read,
                account.value());
    }

    @Override
    public int count(AccountId account) {
        return sql.query("SELECT COUNT(*) AS policies FROM policies WHERE account_id = ?", row -> row.getInt("policies"),
                account.value()).getFirst();
    }

    @Override
    public void update(CustomPolicy policy) {
        sql.update("UPDATE policies SET description = ?, default_version = ?, next_version = ?, updated_at = ?"
                        + " WHERE account_id = ? AND name_key = ?",
                policy.description(), policy.defaultVersion(), policy.nextVersion(), policy.updatedAt(), policy.account().value(),
                policy.key());
    }

    @Override
    public void insertVersion(AccountId account, String policyName, PolicyVersion version) {
        sql.update("INSERT INTO policy_versions (account_id, policy_key, version_id, document, created_at) VALUES (?, ?, ?, ?, ?)",
                account.value(), key(policyName), version.versionId(), version.document(), version.createdAt());
    }

    @Override
    public List<PolicyVersion> versions(AccountId account, String policyName) {
        return sql.query("SELECT version_id, document, created_at FROM policy_versions WHERE account_id = ? AND policy_key = ?"
                        + " ORDER BY created_at, version_id",
                row -> new PolicyVersion(row.getString("version_id"), row.getString("document"), Sql.instant(row, "created_at")),
                account.value(), key(policyName));
    }

    @Override
    public boolean deleteVersion(AccountId account, String policyName, String versionId) {
        return sql.update("DELETE FROM policy_versions WHERE account_id = ? AND policy_key = ? AND version_id = ?",
                account.value(), key(policyName), versionId) > 0;
    }

    @Override
    public boolean delete(AccountId account, String policyName) {
        sql.update("DELETE FROM policy_versions WHERE account_id = ? AND policy_key = ?", account.value(), key(policyName));
        return sql.update("DELETE FROM policies WHERE account_id = ? AND name_key = ?", account.value(), key(policyName)) > 0;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static CustomPolicy read(ResultSet row) throws SQLException {
        return new CustomPolicy(new AccountId(row.getString("account_id")), row.getString("name"), row.getString("description"),
                row.getString("default_version"), row.getInt("next_version"), Sql.instant(row, "created_at"),
                Sql.instant(row, "updated_at"));
    }
}
