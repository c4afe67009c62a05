package dev.berth.server.registry;

import static dev.berth.registry.text.Shown.shown;

import dev.berth.registry.instance.Instance;
import dev.berth.registry.instance.InstanceId;
import dev.berth.registry.instance.InstanceName;
import dev.berth.registry.instance.QualifiedName;
import dev.berth.registry.name.ImageName;
import dev.berth.registry.name.InvalidNameException;
import dev.berth.registry.service.Registry;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a repository name written on {@code /v2} or in a token scope points (registry.md section 2):
 * {@code <instance-id>/<namespace>/<repo>} on any host; {@code <namespace>/<repo>} on an Enterprise Edition
 * instance's own host; otherwise the Personal Edition instance that holds the namespace.
 */
public final class RegistryAddresses {
    private final Registry registry;
    private final String hostSuffix;

    public RegistryAddresses(Registry registry, RegistrySettings settings) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.hostSuffix = settings.instanceHostSuffix();
    }

    /** A name resolved: the instance that holds it, when any does, and the name inside the instance. */
    public record Located(Optional<Instance> instance, ImageName name) {
        public Located {
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(name, "name");
        }
    }

    /** Resolves {@code written} on {@code host}; throws {@link InvalidNameException} when it breaks the grammar. */
    public Located locate(Optional<String> host, String written) {
        if (written.length() > 255) {
            throw new InvalidNameException("repository name `" + shown(written) + "` is longer than 255 characters");
        }
        QualifiedName qualified = QualifiedName.parse(written);
        ImageName name = qualified.name();
        if (qualified.instance().isPresent()) {
            InstanceId id = qualified.instance().get();
            return new Located(registry.instance(id), name);
        }
        Optional<String> instanceName = host.map(RegistryAddresses::withoutPort).filter(h -> h.endsWith(hostSuffix))
                .map(h -> h.substring(0, h.length() - hostSuffix.length()));
        if (instanceName.isPresent()) {
            Optional<Instance> instance;
            try {
                InstanceName parsed = new InstanceName(instanceName.get());
                instance = registry.instanceNamed(parsed);
            } catch (IllegalArgumentException e) {
                instance = Optional.empty();
            }
            return new Located(instance, name);
        }
        return new Located(registry.personalInstanceOf(name.namespace()), name);
    }

    private static String withoutPort(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        int colon = lower.lastIndexOf(':');
        return colon > 0 && !lower.endsWith("]") ? lower.substring(0, colon) : lower;
    }
}
