package dev.berth.registry.service;

import dev.berth.registry.instance.InstanceId;
import dev.berth.registry.name.ImageName;
import dev.berth.registry.repository.ImageRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code GET /v2/_catalog}: an instance's repositories in lexical order, only those {@code visible}
 * admits (the edge's authorization: registry.md section 3, {@code cr:ListRepository}). The store is
 * read in batches, each in its own short transaction, and the predicate runs outside them.
 */
public final class CatalogService {
    private static final int BATCH = 200;

    private final Transactions transactions;

    CatalogService(Transactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    /** Up to {@code size} visible repositories after {@code last} (which need not exist); {@code next} is set when more follow. */
    public CatalogPage list(InstanceId instance, PageSize size, Optional<ImageName> last, Predicate<ImageRepository> visible) {
        if (size.value() == 0) {
            return new CatalogPage(List.of(), Optional.empty());
        }
        List<ImageName> names = new ArrayList<>();
        Optional<ImageName> after = last;
        while (true) {
            Optional<ImageName> from = after;
            List<ImageRepository> batch = transactions.run(transaction ->
                    transaction.repositories().list(instance, Optional.empty(), from, BATCH));
            for (ImageRepository repository : batch) {
                if (!visible.test(repository)) {
                    continue;
                }
                if (names.size() == size.value()) {
                    return new CatalogPage(names, Optional.of(names.getLast()));
                }
                names.add(repository.name());
            }
            if (batch.size() < BATCH) {
                return new CatalogPage(names, Optional.empty());
            }
            after = Optional.of(batch.getLast().name());
        }
    }
}
