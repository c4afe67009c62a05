package dev.berth.server.rpc.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The catalog holds every code iam-api.md sections 3 and 4 name, with the status of its family. */
class RpcErrorCodeTest {
    @ParameterizedTest(name = "{0} is answered with {1}")
    @CsvSource({
            "InvalidParameter.RoleSessionName, 400", "InvalidParameter.DurationSeconds, 400", "InvalidParameter.PolicyGrammar, 400",
            "InvalidParameter.PolicySize, 400", "InvalidParameter.Timestamp, 400", "MissingParameter.Signature, 400",
            "MalformedPolicyDocument, 400", "InvalidTimeStamp.Expired, 400", "SignatureNonceUsed, 400",
            "NoPermission, 403", "SignatureDoesNotMatch, 403", "InvalidAccessKeyId.NotFound, 403", "InvalidAccessKeyId.Inactive, 403",
            "InvalidSecurityToken.Expired, 403", "InvalidSecurityToken.Malformed, 403",
            "EntityNotExist.Role, 404", "EntityNotExist.User, 404", "InvalidAction.NotFound, 404", "InvalidVersion, 404",
            "EntityAlreadyExists.User, 409", "DeleteConflict.User.AccessKey, 409", "LimitExceeded.User, 409",
            "InternalError, 500"})
    void everyCodeOfTheSpecHasItsStatus(String wireCode, int status) {
        RpcErrorCode code = RpcErrorCode.of(wireCode).orElseThrow();
        RpcError error = switch (code.shape()) {
            case EXACT -> RpcError.of(code, "m");
            case FAMILY -> RpcError.of(code, wireCode.substring(code.code().length() + 1), "m");
        };

        assertThat(error.wireCode()).isEqualTo(wireCode);
        assertThat(error.httpStatus()).isEqualTo(status);
    }

    @Test
    void anUnknownCodeOrAFamilyWithoutANameIsNotInTheCatalog() {
        assertThat(RpcErrorCode.of("NoSuchCode")).isEmpty();
        assertThat(RpcErrorCode.of("InvalidParameter")).isEmpty();
        assertThat(RpcErrorCode.of("InvalidParameter.")).isEmpty();
    }

    @Test
    void aFamilyNeedsANameAndAnExactCodeTakesNone() {
        assertThatThrownBy(() -> RpcError.of(RpcErrorCode.MISSING_PARAMETER, "m"))
                .hasMessage("code `MissingParameter` needs a name, got ``");
        assertThatThrownBy(() -> RpcError.of(RpcErrorCode.NO_PERMISSION, "Extra", "m"))
                .hasMessage("code `NoPermission` takes no name, got `Extra`");
    }
}
