package io.ecsoperator.operator.cli.capacityprovider;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.capacityprovider.EcsCapacityProvider;
import io.ecsoperator.crds.capacityprovider.EcsCapacityProviderSpec;
import io.ecsoperator.operator.cli.imports.Importers;
import io.ecsoperator.operator.cli.kind.Reference;
import io.ecsoperator.operator.kinds.KindRegistry;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.Test;

/**
 * EcsCapacityProvider's CLI side: its name, its cluster reference, its place among kinds and its
 * importer.
 */
class EcsCapacityProviderCliKindTest {

  private final EcsCapacityProviderCliKind kind = new EcsCapacityProviderCliKind();

  @Test
  void aProviderIsNamedBySpecNameElseMetadataName() {
    EcsCapacityProvider provider = new EcsCapacityProvider();
    provider.setMetadata(new ObjectMetaBuilder().withName("shop-ec2").build());
    provider.setSpec(new EcsCapacityProviderSpec());
    assertThat(kind.describe(provider)).isEqualTo("capacity provider shop-ec2");

    provider.getSpec().name = "shop_EC2";
    assertThat(kind.describe(provider)).isEqualTo("capacity provider shop_EC2");
  }

  @Test
  void clusterRefNamesAnEcsClusterAppliedBeforeTheProvider() {
    assertThat(kind.references()).containsExactly(new Reference("clusterRef", "EcsCluster"));
    assertThat(KindRegistry.cliKinds().rank("EcsCapacityProvider"))
        .isGreaterThan(KindRegistry.cliKinds().rank("EcsCluster"));
  }

  @Test
  void providersCanBeImported() {
    assertThat(kind).isInstanceOf(Importers.Importer.class);
    assertThat(KindRegistry.cliKinds().importer("EcsCapacityProvider")).isPresent();
  }
}
