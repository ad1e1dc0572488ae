package io.ecsoperator.operator.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShardingTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ecsoperator.io/shard=a",
        "ecsoperator.io/shard==a",
        "shard!=b",
        "ecsoperator.io/shard in (a, b)",
        "ecsoperator.io/shard notin (a),team=payments",
        "ecsoperator.io/shard",
        "!ecsoperator.io/shard",
        "shard=",
        "a=b, c in (d,e), !f"
      })
  void selectorsKubernetesAcceptsAreAccepted(String selector) {
    assertThat(shard(selector).labelSelector()).contains(selector);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "shard=a=b",
        "shard in a",
        "shard in (a",
        "shard=a,",
        "Ecsoperator.IO/shard=a",
        "shard=-a",
        "shard=a b",
        "shard=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        " "
      })
  void selectorsKubernetesRefusesAreRefusedNamingTheMistake(String selector) {
    assertThatThrownBy(() -> shard(selector))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("label selector");
  }

  @Test
  void theMistakenRequirementIsNamed() {
    assertThatThrownBy(() -> shard("team=payments,shard in a"))
        .hasMessageContaining("\"shard in a\" is not a requirement");
  }

  @Test
  void anUnshardedOperatorKeepsTheLeaseName() {
    assertThat(Sharding.UNSHARDED.leaseName("ecs-operator")).isEqualTo("ecs-operator");
  }

  @Test
  void eachShardHasALeaseOfItsOwn() {
    String a = shard("ecsoperator.io/shard=a").leaseName("ecs-operator");
    String notA = shard("ecsoperator.io/shard!=a").leaseName("ecs-operator");

    assertThat(a).startsWith("ecs-operator-ecsoperator-io-shard-a-").matches("[a-z0-9-]+");
    assertThat(notA).isNotEqualTo(a).matches("[a-z0-9-]+");
    assertThat(shard("ecsoperator.io/shard=a").leaseName("ecs-operator")).isEqualTo(a);
  }

  @Test
  void aLongSelectorStillMakesAValidLeaseName() {
    String lease =
        shard("ecsoperator.io/shard in (aaaaaaaaaa,bbbbbbbbbb,cccccccccc,dddddddddd)")
            .leaseName("ecs-operator");

    assertThat(lease).hasSizeLessThanOrEqualTo(63).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  }

  private static Sharding shard(String selector) {
    return new Sharding(Optional.of(selector), 1);
  }
}
