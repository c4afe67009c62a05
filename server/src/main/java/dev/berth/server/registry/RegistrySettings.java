package dev.berth.server.registry;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The registry's settings (registry.md sections 1 and 2): the one region the server serves, and the base
 * domain under which an Enterprise Edition instance is {@code <instance-name>-registry.<region>.<base-domain>}.
 */
public record RegistrySettings(String region, String baseDomain) {
    private static final Pattern REGION = Pattern.compile("[a-z0-9-]{2,64}");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?");

    public RegistrySettings {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(baseDomain, "baseDomain");
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("`registry.region` must be 2 to 64 of `a-z0-9-`, got `" + region + "`");
        }
        if (!DOMAIN.matcher(baseDomain).matches()) {
            throw new IllegalArgumentException("`registry.base-domain` must be a lower-case host name, got `" + baseDomain + "`");
        }
    }

    /** What the host name of an Enterprise Edition instance ends with, after the instance's name. */
    public String instanceHostSuffix() {
        return "-registry." + region + "." + baseDomain;
    }
}
