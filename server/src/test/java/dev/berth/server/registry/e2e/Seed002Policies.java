package dev.berth.server.registry.e2e;

/**
 * The custom policies of seed 002 ({@code /work/shared/seeds/002_*.txt}), verbatim: read access to the
 * namespace {@code juzhong}, the console-visibility statement added to it, full access to
 * {@code juzhong/nginx} in {@code cn-hangzhou}, and full access to the namespace {@code juzhong}.
 */
final class Seed002Policies {
    static final String SCENARIO_1 = """
            {
            "Statement": [
            {
            "Action": [
            "cr:Get*",
            "cr:List*",
            "cr:PullRepository"
            ],
            "Effect": "Allow",
            "Resource": [
            "acs:cr:*:*:repository/juzhong/*"
            ]
            }
            ],
            "Version": "1"
            }
            """;

    /** The statement seed 002 adds to a policy so that the console shows every namespace and repository. */
    static final String CONSOLE_VISIBILITY_STATEMENT = """
            {
            "Action": [
            "cr:ListNamespace",
            "cr:ListRepository"
            ],
            "Effect": "Allow",
            "Resource": [
            "*"
            ]
            }
            """;

    /** Scenario 1 with the console-visibility statement added to its statements. */
    static final String SCENARIO_1_WITH_CONSOLE = """
            {
            "Statement": [
            {
            "Action": [
            "cr:Get*",
            "cr:List*",
            "cr:PullRepository"
            ],
            "Effect": "Allow",
            "Resource": [
            "acs:cr:*:*:repository/juzhong/*"
            ]
            },
            """ + CONSOLE_VISIBILITY_STATEMENT + """
            ],
            "Version": "1"
            }
            """;

    static final String SCENARIO_2 = """
            {
            "Statement": [
            {
            "Action": [
            "cr:*"
            ],
            "Effect": "Allow",
            "Resource": [
            "acs:cr:cn-hangzhou:*:repository/juzhong/nginx"
            ]
            },
            {
            "Action": [
            "cr:Get*",
            "cr:List*"
            ],
            "Effect": "Allow",
            "Resource": [
            "acs:cr:*:*:repository/juzhong"
            ]
            }
            ],
            "Version": "1"
            }
            """;

    static final String SCENARIO_3 = """
            {
            "Statement": [
            {
            "Action": [
            "cr:*"
            ],
            "Effect": "Allow",
            "Resource": [
            "acs:cr:cn-hangzhou:*:repository/juzhong",
            "acs:cr:cn-hangzhou:*:repository/juzhong/*"
            ]
            }
            ],
            "Version": "1"
            }
            """;

    private Seed002Policies() {
    }
}
