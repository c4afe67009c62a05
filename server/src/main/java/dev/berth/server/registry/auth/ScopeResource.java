package dev.berth.server.registry.auth;

import dev.berth.registry.instance.InstanceId;
import dev.berth.registry.name.ImageName;
import java.util.Objects;
import java.util.Optional;

/** What a Docker token scope names: a repository, or the registry's catalog. */
public sealed interface ScopeResource {

    /** The resource type as scopes write it: {@code repository} or {@code registry}. */
    String type();

    /** The resource name as scopes write it. */
    String name();

    /**
     * A repository, named {@code <namespace>/<repo>} or, for an Enterprise Edition instance
     * addressed by its id, {@code <instance-id>/<namespace>/<repo>} (registry.md section 2).
     */
    record Repository(Optional<InstanceId> instance, ImageName image) implements ScopeResource {
        public Repository {
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(image, "image");
            instance.ifPresent(id -> {
                if (id.isPersonal()) {
                    throw new IllegalArgumentException("a Personal Edition repository is not named by its instance id");
                }
            });
        }

        @Override
        public String type() {
            return "repository";
        }

        @Override
        public String name() {
            return instance.map(id -> id + "/").orElse("") + image;
        }
    }

    /** The registry's catalog, {@code registry:catalog:*}. */
    record Catalog() implements ScopeResource {
        @Override
        public String type() {
            return "registry";
        }

        @Override
        public String name() {
            return "catalog";
        }
    }
}
