package dev.berth.server;

import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.Config;

/** What the SDK-driven tests share: a client configuration for the test server, and reading refusals. */
public final class SdkCalls {
    private SdkCalls() {
    }

    /** A call to the server through an SDK client. */
    @FunctionalInterface
    public interface Call {
        Object run() throws Exception;
    }

    /** The configuration of a Tea SDK client (ram20150501, sts20150401) for the server at {@code endpoint}. */
    public static Config config(String endpoint, String accessKeyId, String secret, String securityToken) {
        Config config = new Config().setAccessKeyId(accessKeyId).setAccessKeySecret(secret).setEndpoint(endpoint).setProtocol("HTTP")
                .setRegionId("cn-hangzhou");
        return securityToken == null ? config : config.setSecurityToken(securityToken);
    }

    /** The server's refusal of {@code call}; fails when the call succeeds or fails otherwise. */
    public static TeaException refused(Call call) {
        try {
            call.run();
        } catch (TeaException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected a refusal from the server, got " + e, e);
        }
        throw new AssertionError("the call was expected to be refused");
    }

    /** The error code of the server's refusal of {@code call}. */
    public static String refusal(Call call) {
        return refused(call).getCode();
    }
}
