package io.ecsoperator.operator.cli.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KubeNamesTest {

  @Test
  void awsNamesBecomeValidObjectNames() {
    assertThat(KubeNames.valid("Shop_Web/API", "x")).isEqualTo("shop-web-api");
    assertThat(KubeNames.valid("team.ns/web..app", "x")).isEqualTo("team.ns-web.app");
    assertThat(KubeNames.valid("__", "ecscluster")).isEqualTo("ecscluster");
    assertThat(KubeNames.valid("a".repeat(300), "x")).hasSize(253);
  }

  @Test
  void namesAreUniquePerKindAndNamespace() {
    KubeNames names = new KubeNames();
    assertThat(names.allocate("EcrRepository", null, "shop/web")).isEqualTo("shop-web");
    assertThat(names.allocate("EcrRepository", null, "shop_web")).isEqualTo("shop-web-2");
    assertThat(names.allocate("EcsCluster", null, "shop-web")).isEqualTo("shop-web");
    assertThat(names.allocate("EcrRepository", "prod", "shop/web")).isEqualTo("shop-web");
  }

  @Test
  void anOwnersNameIsClaimedOnlyWhenValidAndFree() {
    KubeNames names = new KubeNames();
    assertThat(names.claim("EcrRepository", "default", "web")).isTrue();
    assertThat(names.claim("EcrRepository", "default", "web")).isFalse();
    assertThat(names.claim("EcrRepository", "default", "Not_Valid")).isFalse();
    assertThat(names.allocate("EcrRepository", "default", "web")).isEqualTo("web-2");
  }
}
