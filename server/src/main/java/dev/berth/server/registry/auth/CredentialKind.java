package dev.berth.server.registry.auth;

/** How a registry caller proved who it is (registry.md section 4). */
public enum CredentialKind {
    /** A registry password: of the account (by its alias or id) or of a RAM user ({@code <user>@<alias or id>}). */
    REGISTRY_PASSWORD,
    /** A temporary token from {@code GetAuthorizationToken}, with the user name {@code cr_temp_user}. */
    TEMPORARY_TOKEN
}
