package dev.berth.metadata.jdbc;

import dev.berth.iam.policy.Attachment;
import dev.berth.iam.policy.EffectivePolicy;
import dev.berth.iam.policy.PolicyVersion;
import dev.berth.iam.policy.PolicyType;
import dev.berth.iam.store.AttachmentRepository;
import dev.berth.policy.value.AccountId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

final class JdbcAttachmentRepository implements AttachmentRepository {
    private static final String COLUMNS = "principal_type, principal_key, policy_type, policy_name, resource_group, attached_at";

    private final Sql sql;

    JdbcAttachmentRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(AccountId account, Attachment attachment) {
        sql.update("INSERT INTO attachments (account_id, " + COLUMNS + ", policy_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                account.value(), attachment.principalType().name(), key(attachment.principalName()), attachment.policyType().name(),
                attachment.policyName(), attachment.resourceGroup().orElse(""), attachment.attachedAt(), key(attachment.policyName()));
    }

    @Override
    public boolean delete(AccountId account, Attachment attachment) {
        return sql.update("DELETE FROM attachments WHERE account_id = ? AND principal_type = ? AND principal_key = ?"
                        + " AND policy_type = ? AND policy_key = ? AND resource_group = ?",
                account.value(), attachment.principalType().name(), key(attachment.principalName()), attachment.policyType().name(),
                key(attachment.policyName()), attachment.resourceGroup().orElse("")) > 0;
    }

    @Override
    public List<Attachment> forPrincipal(AccountId account, Attachment.PrincipalType type, String principalName) {
        return sql.query("SELECT " + COLUMNS + " FROM attachments WHERE account_id = ? AND principal_type = ? AND principal_key = ?"
                        + " ORDER BY attached_at, policy_key, resource_group",
                JdbcAttachmentRepository::read, account.value(), type.name(), key(principalName));
    }

    @Override
    public List<Attachment> forPolicy(AccountId account, PolicyType type, String policyName) {
        return sql.query("SELECT " + COLUMNS + " FROM attachments WHERE account_id = ? AND policy_type = ? AND policy_key = ?"
                        + " ORDER BY attached_at, principal_key",
                JdbcAttachmentRepository::read, account.value(), type.name(), key(policyName));
    }

    @Override
    public List<EffectivePolicy> effectiveFor(AccountId account, Attachment.PrincipalType type, String principalName) {
        return sql.query("SELECT a.policy_type, a.policy_name, a.resource_group, a.attached_at, v.version_id, v.document, v.created_at"
                        + " FROM attachments a"
                        + " LEFT JOIN policies p ON a.policy_type = 'Custom' AND p.account_id = a.account_id AND p.name_key = a.policy_key"
                        + " LEFT JOIN policy_versions v ON v.account_id = p.account_id AND v.policy_key = p.name_key"
                        + " AND v.version_id = p.default_version"
                        + " WHERE a.account_id = ? AND ((a.principal_type = ? AND a.principal_key = ?)"
                        + " OR (? = 'User' AND a.principal_type = 'Group' AND a.principal_key IN"
                        + " (SELECT m.group_key FROM group_members m WHERE m.account_id = ? AND m.user_key = ?)))"
                        + " ORDER BY a.attached_at, a.policy_key",
                row -> {
                    String group = row.getString("resource_group");
                    String versionId = row.getString("version_id");
                    return new EffectivePolicy(PolicyType.valueOf(row.getString("policy_type")), row.getString("policy_name"),
                            group.isEmpty() ? Optional.empty() : Optional.of(group),
                            versionId == null ? Optional.empty()
                                    : Optional.of(new PolicyVersion(versionId, row.getString("document"), Sql.instant(row, "created_at"))));
                },
                account.value(), type.name(), key(principalName), type.name(), account.value(), key(principalName));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static Attachment read(ResultSet row) throws SQLException {
        String group = row.getString("resource_group");
        return new Attachment(Attachment.PrincipalType.valueOf(row.getString("principal_type")), row.getString("principal_key"),
                PolicyType.valueOf(row.getString("policy_type")), row.getString("policy_name"),
                group.isEmpty() ? Optional.empty() : Optional.of(group), Sql.instant(row, "attached_at"));
    }
}
