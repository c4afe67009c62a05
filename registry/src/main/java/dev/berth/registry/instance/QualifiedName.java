package dev.berth.registry.instance;

import dev.berth.registry.name.ImageName;
import dev.berth.registry.name.InvalidNameException;
import java.util.Objects;
import java.util.Optional;

/**
 * A repository name as written on {@code /v2} or in a token scope (registry.md section 2): an optional
 * Enterprise Edition instance id ({@code cri-...}) as its first component, then the image name. A Personal
 * Edition id ({@code crpi-...}) is not an instance part: such a name is read whole, as an image name.
 */
public record QualifiedName(Optional<InstanceId> instance, ImageName name) {
    public QualifiedName {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(name, "name");
    }

    /** Reads {@code written}; throws {@link InvalidNameException} when the image name breaks the grammar. */
    public static QualifiedName parse(String written) {
        int slash = written.indexOf('/');
        if (slash > 0) {
            String head = written.substring(0, slash);
            if (InstanceId.isWellFormed(head) && !new InstanceId(head).isPersonal()) {
                return new QualifiedName(Optional.of(new InstanceId(head)), ImageName.parse(written.substring(slash + 1)));
            }
        }
        return new QualifiedName(Optional.empty(), ImageName.parse(written));
    }
}
