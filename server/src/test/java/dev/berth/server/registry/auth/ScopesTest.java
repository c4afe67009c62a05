package dev.berth.server.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.registry.instance.InstanceId;
import dev.berth.registry.name.ImageName;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScopesTest {

    @Test
    void aRepositoryScopeNamesTheRepositoryAndItsActions() {
        Scope scope = Scopes.parse("repository:juzhong/team/app:pull,push");

        assertThat(scope.resource()).isEqualTo(new ScopeResource.Repository(Optional.empty(), ImageName.parse("juzhong/team/app")));
        assertThat(scope.actions()).containsExactly(ScopeAction.PULL, ScopeAction.PUSH);
        assertThat(scope.toString()).isEqualTo("repository:juzhong/team/app:pull,push");
    }

    @Test
    void anEnterpriseInstanceIdLeadsTheName() {
        Scope scope = Scopes.parse("repository:cri-abcdefghij012345/juzhong/app:delete");

        assertThat(scope.resource()).isEqualTo(new ScopeResource.Repository(Optional.of(new InstanceId("cri-abcdefghij012345")),
                ImageName.parse("juzhong/app")));
        assertThat(scope.resource().name()).isEqualTo("cri-abcdefghij012345/juzhong/app");
    }

    @Test
    void aPersonalEditionIdIsReadAsANamespace() {
        Scope scope = Scopes.parse("repository:crpi-abcdefghij012345/app:pull");

        assertThat(scope.resource()).isEqualTo(new ScopeResource.Repository(Optional.empty(),
                ImageName.parse("crpi-abcdefghij012345/app")));
    }

    @Test
    void aStarOnARepositoryStandsForPullPushAndDelete() {
        Scope scope = Scopes.parse("repository:juzhong/app:*");

        assertThat(scope.actions()).containsExactly(ScopeAction.PULL, ScopeAction.PUSH, ScopeAction.DELETE);
    }

    @Test
    void theCatalogScopeTakesAStar() {
        Scope scope = Scopes.parse("registry:catalog:*");

        assertThat(scope.resource()).isEqualTo(new ScopeResource.Catalog());
        assertThat(scope.actions()).containsExactly(ScopeAction.ALL);
        assertThat(scope.toString()).isEqualTo("registry:catalog:*");
    }

    @Test
    void repeatedAndSpaceSeparatedScopesAreReadAndMergedByResource() {
        List<Scope> scopes = Scopes.parseAll(List.of("repository:juzhong/app:pull registry:catalog:*",
                "repository:juzhong/base:pull", "repository:juzhong/app:push"));

        assertThat(scopes).extracting(Scope::toString).containsExactly("repository:juzhong/app:pull,push", "registry:catalog:*",
                "repository:juzhong/base:pull");
    }

    @Test
    void noScopeIsNoScopes() {
        assertThat(Scopes.parseAll(List.of())).isEmpty();
        assertThat(Scopes.parseAll(List.of("", "  "))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "repository:juzhong/app|scope `repository:juzhong/app` must be `<type>:<name>:<actions>`",
            "pull|scope `pull` must be `<type>:<name>:<actions>`",
            "repository:juzhong/app:fetch|scope `repository:juzhong/app:fetch`: unknown action `fetch`; use `pull`, `push`, `delete` or `*`",
            "repository:juzhong/app:|scope `repository:juzhong/app:`: unknown action ``; use `pull`, `push`, `delete` or `*`",
            "repository:juzhong/app:pull,|scope `repository:juzhong/app:pull,`: unknown action ``; use `pull`, `push`, `delete` or `*`",
            "image:juzhong/app:pull|scope `image:juzhong/app:pull`: unknown resource type `image`; use `repository` or `registry`",
            "repository(plugin):juzhong/app:pull|scope `repository(plugin):juzhong/app:pull`: unknown resource type `repository(plugin)`; use `repository` or `registry`",
            "registry:tags:*|scope `registry:tags:*`: the only registry resource is `catalog`",
            "registry:catalog:pull|scope `registry:catalog:pull`: resource type `registry` takes the actions `*`, got `pull`",
            "repository:juzhong/app:pull,*,push|",
            "repository:Juzhong/app:pull|scope `repository:Juzhong/app:pull`: namespace `Juzhong` must be 2 to 120 of `a-z0-9._-`, starting and ending with a letter or digit",
            "repository:app:pull|scope `repository:app:pull`: repository name `app` must be `<namespace>/<repository>`",
            "repository:juzhong/../app:pull|scope `repository:juzhong/../app:pull`: repository `../app` must be path components of `a-z0-9` joined by `.`, `_`, `__` or dashes, separated by `/`",
            "repository:juzhong//app:pull|scope `repository:juzhong//app:pull`: repository `/app` must be path components of `a-z0-9` joined by `.`, `_`, `__` or dashes, separated by `/`",
            "repository:localhost:5000/juzhong/app:pull|scope `repository:localhost:5000/juzhong/app:pull`: namespace `localhost:5000` must be 2 to 120 of `a-z0-9._-`, starting and ending with a letter or digit",
            "repository::pull|scope `repository::pull`: repository name is missing",
    })
    void aBadScopeIsRefusedSayingWhy(String scope, String message) {
        if (message == null) {
            assertThat(Scopes.parse(scope).actions()).isEqualTo(EnumSet.of(ScopeAction.PULL, ScopeAction.PUSH, ScopeAction.DELETE));
            return;
        }
        assertThatThrownBy(() -> Scopes.parseAll(List.of(scope))).isInstanceOf(InvalidScopeException.class).hasMessage(message);
    }

    @Test
    void aNameOver255CharactersIsRefusedAndShownShortened() {
        String scope = "repository:juzhong/" + "a".repeat(300) + ":pull";

        assertThatThrownBy(() -> Scopes.parse(scope)).isInstanceOf(InvalidScopeException.class)
                .hasMessageEndingWith("...`: repository name is longer than 255 characters")
                .hasMessageStartingWith("scope `repository:juzhong/aaaa");
    }

    @Test
    void atMostAHundredScopesMayBeAsked() {
        List<String> many = IntStream.range(0, 101).mapToObj(i -> "repository:juzhong/app" + i + ":pull").toList();

        assertThat(Scopes.parseAll(many.subList(0, 100))).hasSize(100);
        assertThatThrownBy(() -> Scopes.parseAll(many)).isInstanceOf(InvalidScopeException.class)
                .hasMessage("a request may ask at most 100 scopes");
    }
}
