package dev.berth.server.registry.e2e;

/** Policy documents the tests write themselves (the seeds' own are verbatim in {@link Seed002Policies}). */
public final class TestPolicies {
    private TestPolicies() {
    }

    /** A trust policy admitting {@code principal} ({@code RAM}) to {@code sts:AssumeRole}. */
    public static String trustPolicy(String principal) {
        return "{\"Statement\": [{\"Action\": \"sts:AssumeRole\", \"Effect\": \"Allow\", \"Principal\": {\"RAM\": [\""
                + principal + "\"]}}], \"Version\": \"1\"}";
    }

    /** Pull of one repository, and a temporary token to do it with ({@code cr:GetAuthorizationToken}). */
    static String pullAndSignIn(String repository) {
        return """
                {"Version": "1", "Statement": [
                 {"Effect": "Allow", "Action": "cr:PullRepository", "Resource": "acs:cr:*:*:repository/%s"},
                 {"Effect": "Allow", "Action": "cr:GetAuthorizationToken", "Resource": "*"}]}""".formatted(repository);
    }
}
