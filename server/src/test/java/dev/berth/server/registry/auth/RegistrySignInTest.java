package dev.berth.server.registry.auth;

import static dev.berth.server.registry.auth.AuthFixture.ACCOUNT;
import static dev.berth.server.registry.auth.AuthFixture.ALICE_PASSWORD;
import static dev.berth.server.registry.auth.AuthFixture.NOW;
import static dev.berth.server.registry.auth.AuthFixture.ROOT_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.iam.role.Role;
import dev.berth.iam.role.RoleSession;
import dev.berth.iam.service.UserFields;
import dev.berth.iam.value.AccessKeyId;
import dev.berth.iam.value.UserName;
import dev.berth.policy.principal.Principal;
import dev.berth.server.registry.auth.SignInRefusedException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistrySignInTest {
    private final AuthFixture fixture = new AuthFixture();
    private final RegistrySignIn signIn = fixture.signIn;

    @Test
    void theAccountSignsInByItsAliasOrIdWithItsRegistryPassword() {
        RegistryCaller.Identified byAlias = signIn.signIn(new BasicCredentials("juzhong", ROOT_PASSWORD), NOW);
        RegistryCaller.Identified byId = signIn.signIn(new BasicCredentials("1234567890123456", ROOT_PASSWORD), NOW);

        for (RegistryCaller.Identified caller : List.of(byAlias, byId)) {
            assertThat(caller.principal()).isEqualTo(new Principal.Account(ACCOUNT));
            assertThat(caller.sessionPolicy()).isEmpty();
            assertThat(caller.expiresAt()).isEmpty();
            assertThat(caller.credential().kind()).isEqualTo(CredentialKind.REGISTRY_PASSWORD);
            assertThat(caller.credential().principalId()).isEqualTo(ACCOUNT.value());
        }
    }

    @Test
    void aUserSignsInAsUserAtAliasOrIdInAnyCase() {
        for (String userName : List.of("alice@juzhong", "alice@1234567890123456", "ALICE@JuZhong")) {
            RegistryCaller.Identified caller = signIn.signIn(new BasicCredentials(userName, ALICE_PASSWORD), NOW);

            assertThat(caller.principal()).isEqualTo(new Principal.RamUser(ACCOUNT, "alice"));
            assertThat(caller.credential().principalId()).isEqualTo(fixture.alice.id());
        }
    }

    @Test
    void noCredentialsIsAnonymous() {
        assertThat(signIn.signIn(Optional.empty(), NOW)).isEqualTo(new RegistryCaller.Anonymous());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "juzhong|alice-pass-1",
            "alice@juzhong|root-pass-1",
            "alice@juzhong|alice-pass-2",
            "bob@juzhong|alice-pass-1",
            "alice@other|alice-pass-1",
            "other|root-pass-1",
            "alice@juzhong@juzhong|alice-pass-1",
            "@juzhong|alice-pass-1",
            "alice@|alice-pass-1",
            "al ice@juzhong|alice-pass-1",
            "''|root-pass-1",
            "cr_temp_user@juzhong|alice-pass-1",
    })
    void wrongCredentialsAreRefusedWithoutSayingWhichPart(String userName, String password) {
        assertSignInRefused(() -> signIn.signIn(new BasicCredentials(userName, password), NOW), Reason.WRONG_CREDENTIALS,
                "wrong user name or password");
    }

    @Test
    void anOverlongPasswordIsRefused() {
        assertSignInRefused(() -> signIn.signIn(new BasicCredentials("juzhong", "x1".repeat(200)), NOW), Reason.WRONG_CREDENTIALS,
                "wrong user name or password");
    }

    @Test
    void repeatedWrongPasswordsAreThrottled() {
        for (int i = 0; i < 5; i++) {
            assertSignInRefused(() -> signIn.signIn(new BasicCredentials("alice@juzhong", "wrong-pass-9"), NOW), Reason.WRONG_CREDENTIALS,
                    "wrong user name or password");
        }

        assertSignInRefused(() -> signIn.signIn(new BasicCredentials("alice@juzhong", ALICE_PASSWORD), NOW), Reason.THROTTLED,
                "too many wrong passwords: try again later");
        assertThat(signIn.signIn(new BasicCredentials("juzhong", ROOT_PASSWORD), NOW).principal()).isEqualTo(new Principal.Account(ACCOUNT));
    }

    @Test
    void aTemporaryTokenSignsInAsTheCallerThatAskedForIt() {
        AccessKeyId key = fixture.accessKey(Optional.of("alice"));
        TemporaryTokens.Issued issued = fixture.temporaryTokens.issue(new Principal.RamUser(ACCOUNT, "alice"), key.value(), NOW);

        RegistryCaller.Identified caller = signIn.signIn(new BasicCredentials(issued.userName(), issued.token()), NOW.plusSeconds(60));

        assertThat(issued.userName()).isEqualTo("cr_temp_user");
        assertThat(issued.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(caller.principal()).isEqualTo(new Principal.RamUser(ACCOUNT, "alice"));
        assertThat(caller.credential()).isEqualTo(new Credential(CredentialKind.TEMPORARY_TOKEN, fixture.alice.id(), key.value()));
        assertThat(caller.expiresAt()).contains(issued.expiresAt());
    }

    @Test
    void theAccountsTemporaryTokenSignsInAsTheAccount() {
        AccessKeyId key = fixture.accessKey(Optional.empty());
        TemporaryTokens.Issued issued = fixture.temporaryTokens.issue(new Principal.Account(ACCOUNT), key.value(), NOW);

        RegistryCaller.Identified caller = signIn.signIn(new BasicCredentials("cr_temp_user", issued.token()), NOW);

        assertThat(caller.principal()).isEqualTo(new Principal.Account(ACCOUNT));
    }

    @Test
    void aRoleSessionsTemporaryTokenHasTheSessionsPolicyAndEndsWithIt() {
        Role role = fixture.role("builder");
        RoleSession session = fixture.session(role, Duration.ofMinutes(30));
        Principal principal = new Principal.RoleSession(ACCOUNT, "builder", "ci");
        TemporaryTokens.Issued issued = fixture.temporaryTokens.issue(principal, session.accessKeyId().value(), NOW);

        RegistryCaller.Identified caller = signIn.signIn(new BasicCredentials("cr_temp_user", issued.token()), NOW.plusSeconds(60));

        assertThat(issued.expiresAt()).isEqualTo(session.expiresAt());
        assertThat(caller.principal()).isEqualTo(principal);
        assertThat(caller.sessionPolicy()).contains(AuthFixture.SESSION_POLICY);
        assertThat(caller.expiresAt()).contains(session.expiresAt());
        assertThat(caller.credential()).isEqualTo(new Credential(CredentialKind.TEMPORARY_TOKEN, role.id(), session.accessKeyId().value()));
    }

    @Test
    void aRoleSessionsTokenStopsWhenTheSessionEndsEvenWithinTheLeeway() {
        RoleSession session = fixture.session(fixture.role("builder"), Duration.ofMinutes(30));
        String token = fixture.temporaryTokens.issue(new Principal.RoleSession(ACCOUNT, "builder", "ci"), session.accessKeyId().value(),
                NOW).token();

        assertSignInRefused(() -> signIn.signIn(new BasicCredentials("cr_temp_user", token), session.expiresAt().plusSeconds(10)),
                Reason.REVOKED, "the role session expired at " + session.expiresAt());
        assertThatThrownBy(() -> signIn.signIn(new BasicCredentials("cr_temp_user", token), session.expiresAt().plusSeconds(60)))
                .isInstanceOfSatisfying(SignInRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_TOKEN));
    }

    @Test
    void deletingTheRoleEndsItsSessionsTokens() {
        RoleSession session = fixture.session(fixture.role("builder"), Duration.ofMinutes(30));
        String token = fixture.temporaryTokens.issue(new Principal.RoleSession(ACCOUNT, "builder", "ci"), session.accessKeyId().value(),
                NOW).token();

        fixture.deleteRole("builder");
        fixture.role("builder");

        assertSignInRefused(() -> signIn.signIn(new BasicCredentials("cr_temp_user", token), NOW), Reason.REVOKED,
                "the role session of `builder` no longer exists");
    }

    @Test
    void deactivatingTheKeyThatAskedEndsTheTemporaryToken() {
        AccessKeyId key = fixture.accessKey(Optional.empty());
        String token = fixture.temporaryTokens.issue(new Principal.Account(ACCOUNT), key.value(), NOW).token();

        fixture.deactivate(key);

        assertSignInRefused(() -> signIn.signIn(new BasicCredentials("cr_temp_user", token), NOW), Reason.REVOKED,
                "AccessKey `" + key + "` is inactive");
        assertSignInRefused(() -> fixture.temporaryTokens.issue(new Principal.Account(ACCOUNT), key.value(), NOW), Reason.REVOKED,
                "AccessKey `" + key + "` is inactive");
    }

    @Test
    void aTemporaryTokenNeedsTheCallersOwnKey() {
        AccessKeyId accountKey = fixture.accessKey(Optional.empty());

        assertSignInRefused(() -> fixture.temporaryTokens.issue(new Principal.RamUser(ACCOUNT, "alice"), accountKey.value(), NOW),
                Reason.REVOKED, "AccessKey `" + accountKey + "` is not user `alice`'s");
    }

    @Test
    void aDeletedUserIsRefusedEvenWhenANewOneTakesItsName() {
        AccessKeyId key = fixture.accessKey(Optional.of("alice"));
        String temporary = fixture.temporaryTokens.issue(new Principal.RamUser(ACCOUNT, "alice"), key.value(), NOW).token();
        String refresh = fixture.tokens.issueRefresh(signIn.signIn(new BasicCredentials("alice@juzhong", ALICE_PASSWORD), NOW), NOW).value();

        fixture.store.inTransaction(transaction -> transaction.accessKeys().delete(key));
        fixture.users.delete(ACCOUNT, new UserName("alice"));
        fixture.users.create(ACCOUNT, new UserName("alice"), UserFields.none(), NOW);

        assertSignInRefused(() -> signIn.signIn(new BasicCredentials("cr_temp_user", temporary), NOW), Reason.REVOKED,
                "user `alice` does not exist");
        assertSignInRefused(() -> signIn.refresh(refresh, NOW), Reason.REVOKED, "user `alice` does not exist");
    }

    @Test
    void aBearerTokenIsReCheckedAgainstTheIdentityAsItStandsNow() {
        RegistryCaller.Identified alice = signIn.signIn(new BasicCredentials("alice@juzhong", ALICE_PASSWORD), NOW);
        List<Scope> access = List.of(Scopes.parse("repository:juzhong/app:pull"));
        String token = fixture.tokens.issueAccess(alice, access, NOW).value();

        BearerAccess before = signIn.bearer(token, NOW.plusSeconds(10));
        fixture.passwords.set(ACCOUNT, Optional.of(new UserName("alice")), "alice-pass-2");

        assertThat(before.caller()).isEqualTo(alice.until(NOW.plus(Duration.ofMinutes(5))));
        assertThat(before.access()).isEqualTo(access);
        assertThat(before.grants(access.getFirst().resource(), ScopeAction.PULL)).isTrue();
        assertThat(before.grants(access.getFirst().resource(), ScopeAction.PUSH)).isFalse();
        assertSignInRefused(() -> signIn.bearer(token, NOW.plusSeconds(20)), Reason.REVOKED,
                "the registry password changed since the token was issued: sign in again");
    }

    @Test
    void anAnonymousBearerTokenIsAnonymous() {
        String token = fixture.tokens.issueAccess(new RegistryCaller.Anonymous(), List.of(), NOW).value();

        assertThat(signIn.bearer(token, NOW).caller()).isEqualTo(new RegistryCaller.Anonymous());
    }

    @Test
    void aRefreshTokenSignsInAsItsIdentityUntilItExpires() {
        RegistryCaller.Identified root = signIn.signIn(new BasicCredentials("juzhong", ROOT_PASSWORD), NOW);
        IssuedToken refresh = fixture.tokens.issueRefresh(root, NOW);

        RegistryCaller.Identified caller = signIn.refresh(refresh.value(), NOW.plus(Duration.ofDays(1)));

        assertThat(caller.principal()).isEqualTo(new Principal.Account(ACCOUNT));
        assertThat(caller.expiresAt()).contains(refresh.expiresAt());
        assertThatThrownBy(() -> signIn.refresh(refresh.value(), NOW.plus(Duration.ofDays(31))))
                .isInstanceOfSatisfying(SignInRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_TOKEN));
    }

    @Test
    void aTokenOfAnotherKindIsNoTemporaryPassword() {
        RegistryCaller.Identified root = signIn.signIn(new BasicCredentials("juzhong", ROOT_PASSWORD), NOW);
        String refresh = fixture.tokens.issueRefresh(root, NOW).value();
        String access = fixture.tokens.issueAccess(root, List.of(), NOW).value();

        for (String token : List.of(refresh, access)) {
            assertThatThrownBy(() -> signIn.signIn(new BasicCredentials("cr_temp_user", token), NOW))
                    .isInstanceOfSatisfying(SignInRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_TOKEN));
        }
        assertSignInRefused(() -> signIn.signIn(new BasicCredentials("juzhong", refresh), NOW), Reason.WRONG_CREDENTIALS,
                "wrong user name or password");
    }

    @Test
    void aTemporaryTokenIsNoBearerToken() {
        AccessKeyId key = fixture.accessKey(Optional.empty());
        String temporary = fixture.temporaryTokens.issue(new Principal.Account(ACCOUNT), key.value(), NOW).token();

        assertThatThrownBy(() -> signIn.bearer(temporary, NOW))
                .isInstanceOfSatisfying(SignInRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID_TOKEN);
                    assertThat(e.getMessage()).isEqualTo("the token is not an access token (type `berth-temporary+jwt`)");
                });
    }

    @Test
    void aServiceHasNoTemporaryToken() {
        assertSignInRefused(() -> fixture.temporaryTokens.issue(new Principal.Service("cr.aliyuncs.com"), "LTAI00000000000000000000", NOW),
                Reason.REVOKED, "a service cannot have a registry token");
    }

    @Test
    void basicCredentialsAreReadFromTheHeader() {
        String encoded = Base64.getEncoder().encodeToString("alice@juzhong:pa:ss".getBytes(StandardCharsets.UTF_8));

        assertThat(BasicCredentials.fromHeader("Basic " + encoded)).contains(new BasicCredentials("alice@juzhong", "pa:ss"));
        assertThat(BasicCredentials.fromHeader("basic " + encoded)).contains(new BasicCredentials("alice@juzhong", "pa:ss"));
        assertThat(BasicCredentials.fromHeader(null)).isEmpty();
        assertThat(new BasicCredentials("alice@juzhong", "pa:ss").toString()).doesNotContain("pa:ss");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Bearer abc|the credentials must be HTTP Basic",
            "Basic|the credentials must be HTTP Basic",
            "Basic !!!|the Basic credentials are not Base64",
            "Basic YWxpY2U=|the Basic credentials must be `<user name>:<password>`",
    })
    void malformedBasicCredentialsAreRefused(String header, String message) {
        assertSignInRefused(() -> BasicCredentials.fromHeader(header), Reason.WRONG_CREDENTIALS, message);
    }

    private static void assertSignInRefused(ThrowingCallable call, Reason reason, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SignInRefusedException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }
}
