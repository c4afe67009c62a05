package dev.berth.metadata.jdbc;

import dev.berth.iam.store.LoginProfileRepository;
import dev.berth.iam.user.LoginProfile;
import dev.berth.policy.value.AccountId;
import java.util.Locale;
import java.util.Optional;

final class JdbcLoginProfileRepository implements LoginProfileRepository {
    private final Sql sql;

    JdbcLoginProfileRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(LoginProfile profile) {
        sql.update("INSERT INTO login_profiles (account_id, user_key, password_reset_required, mfa_bind_required, created_at)"
                        + " VALUES (?, ?, ?, ?, ?)", profile.account().value(), key(profile.userName()), profile.passwordResetRequired(),
                profile.mfaBindRequired(), profile.createdAt());
    }

    @Override
    public Optional<LoginProfile> find(AccountId account, String userName) {
        return sql.query("SELECT account_id, user_key, password_reset_required, mfa_bind_required, created_at FROM login_profiles"
                        + " WHERE account_id = ? AND user_key = ?",
                row -> new LoginProfile(new AccountId(row.getString("account_id")), row.getString("user_key"),
                        row.getBoolean("password_reset_required"), row.getBoolean("mfa_bind_required"), Sql.instant(row, "created_at")),
                account.value(), key(userName)).stream().findFirst();
    }

    @Override
    public void update(LoginProfile profile) {
        sql.update("UPDATE login_profiles SET password_reset_required = ?, mfa_bind_required = ? WHERE account_id = ? AND user_key = ?",
                profile.passwordResetRequired(), profile.mfaBindRequired(), profile.account().value(), key(profile.userName()));
    }

    @Override
    public boolean delete(AccountId account, String userName) {
        return sql.update("DELETE FROM login_profiles WHERE account_id = ? AND user_key = ?", account.value(), key(userName)) > 0;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
