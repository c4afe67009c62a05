package dev.berth.server.rpc;

import java.util.Arrays;
import java.util.Optional;

/** The products one RPC endpoint serves, chosen by {@code Version} (iam-api.md section 3). */
public enum Product {
    RAM("2015-05-01", "ram"),
    STS("2015-04-01", "sts"),
    CONTAINER_REGISTRY("2018-12-01", "cr"),
    RESOURCE_MANAGER("2020-03-31", "resourcemanager");

    private final String version;
    private final String service;

    Product(String version, String service) {
        this.version = version;
        this.service = service;
    }

    public static Optional<Product> ofVersion(String version) {
        return Arrays.stream(values()).filter(product -> product.version.equals(version)).findFirst();
    }

    /** The service part of RAM actions: {@code ram:CreateUser}. */
    public String service() {
        return service;
    }
}
