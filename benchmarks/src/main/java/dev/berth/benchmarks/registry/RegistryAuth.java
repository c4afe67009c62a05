package dev.berth.benchmarks.registry;

import java.util.Optional;

/** The {@code Authorization} header a client sends with a request on a repository, or none. */
interface RegistryAuth {
    /** {@code actions}: the Docker scope actions the request needs, {@code pull} or {@code pull,push}. */
    Optional<String> authorization(String repository, String actions);

    /** No credentials: for a registry that asks for none. */
    RegistryAuth NONE = (repository, actions) -> Optional.empty();
}
