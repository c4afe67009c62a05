package dev.berth.policy.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.policy.condition.RequestContext;
import dev.berth.policy.principal.Principal;
import dev.berth.policy.value.AccountId;
import dev.berth.policy.value.ActionName;
import dev.berth.policy.value.ResourceArn;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** policy.md section 4 step 1, with the resources that name no account (docs/decisions.md). */
class AccountRootTest {
    private static final Principal ROOT = new Principal.Account(new AccountId("1234567890123456"));

    @ParameterizedTest(name = "{0} on {1} is {2}")
    @CsvSource({
            "cr:DeleteNamespace, acs:cr:cn-hangzhou:1234567890123456:repository/juzhong, Allow",
            "ram:CreateUser, acs:ram:*:1234567890123456:user/bob, Allow",
            "cr:PullRepository, acs:cr:cn-hangzhou:2000000000000001:repository/other/app, ImplicitDeny",
            "ram:ListUsers, acs:ram:*::*, Allow",
            "cr:ListInstance, *, Allow",
            "ram:AttachPolicyToUser, acs:ram:*:system:policy/AliyunRAMReadOnlyAccess, Allow",
            "sts:AssumeRole, acs:ram::1234567890123456:role/admin, ImplicitDeny",
            "STS:assumerole, acs:ram::1234567890123456:role/admin, ImplicitDeny",
    })
    void theAccountMayDoEverythingOfItsOwnButAssumeARole(String action, String resource, Outcome expected) {
        Request request = new Request(ROOT, ActionName.of(action), ResourceArn.of(resource), Optional.empty(), RequestContext.empty());
        Decision decision = PolicySet.none().evaluate(request);
        assertThat(decision.outcome()).isEqualTo(expected);
        assertThat(decision.deciding()).isEmpty();
    }
}
