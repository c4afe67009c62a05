package dev.berth.policy.simulator;

/** A case that does not follow the format of policy.md section 6. */
final class InvalidCaseException extends Exception {
    static final String CODE = "InvalidCase";
    private static final long serialVersionUID = 1L;

    InvalidCaseException(String message) {
        super(message);
    }
}
