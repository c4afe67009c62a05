package dev.berth.registry.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.name.ImageName;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogServiceTest {
    private final RegistryFixture fixture = new RegistryFixture();
    private final CatalogService catalog = fixture.registry.catalog();

    private void create(String... names) throws IOException {
        for (String name : names) {
            fixture.registry.uploads().start(fixture.address(name));
        }
    }

    private static List<String> names(CatalogPage page) {
        return page.repositories().stream().map(ImageName::toString).toList();
    }

    @Test
    void listsTheInstancesRepositoriesInPagesInLexicalOrder() throws IOException {
        create("team/cc", "team/aa", "team/bb");

        CatalogPage first = catalog.list(fixture.instance, new PageSize(2), Optional.empty(), repository -> true);
        CatalogPage second = catalog.list(fixture.instance, new PageSize(2), first.next(), repository -> true);

        assertThat(names(first)).containsExactly("team/aa", "team/bb");
        assertThat(first.next()).contains(ImageName.parse("team/bb"));
        assertThat(names(second)).containsExactly("team/cc");
        assertThat(second.next()).isEmpty();
    }

    @Test
    void listsOnlyTheRepositoriesThePredicateAdmits() throws IOException {
        create("team/aa", "team/bb", "team/cc", "team/dd");

        CatalogPage page = catalog.list(fixture.instance, new PageSize(1), Optional.empty(),
                repository -> !repository.name().repository().value().equals("aa"));

        assertThat(names(page)).containsExactly("team/bb");
        assertThat(page.next()).contains(ImageName.parse("team/bb"));
    }

    @Test
    void scansPastManyInvisibleRepositories() throws IOException {
        for (int i = 0; i < 450; i++) {
            create("team/hidden" + String.format("%03d", i));
        }
        create("team/zz-visible");

        CatalogPage page = catalog.list(fixture.instance, PageSize.DEFAULT, Optional.empty(),
                repository -> repository.name().repository().value().startsWith("zz"));

        assertThat(names(page)).containsExactly("team/zz-visible");
        assertThat(page.next()).isEmpty();
    }

    @Test
    void aPageSizeOfZeroOrALastPastEveryNameIsEmpty() throws IOException {
        create("team/aa");

        assertThat(catalog.list(fixture.instance, new PageSize(0), Optional.empty(), repository -> true).repositories()).isEmpty();
        assertThat(catalog.list(fixture.instance, PageSize.DEFAULT, Optional.of(ImageName.parse("zzz/zzz")), repository -> true)
                .repositories()).isEmpty();
    }
}
