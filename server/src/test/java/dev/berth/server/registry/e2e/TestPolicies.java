package dev.berth.server.registry.e2e;

/** Policy documents the tests write themselves (the seeds' own are verbatim in {@link Seed002Policies}). */
final class TestPolicies {
    private TestPolicies() {
    }

    /** Pull of one repository, and a temporary token to do it with ({@code cr:GetAuthorizationToken}). */
    static String pullAndSignIn(String repository) {
        return """
                {"Version": "1", "Statement": [
                 {"Effect": "Allow", "Action": "cr:PullRepository", "Resource": "acs:cr:*:*:repository/%s"},
                 {"Effect": "Allow", "Action": "cr:GetAuthorizationToken", "Resource": "*"}]}""".formatted(repository);
    }
}
