package io.ecsoperator.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.ecr.EcrRepository;
import io.ecsoperator.crds.ecr.EcrRepositorySpec;
import io.ecsoperator.crds.replication.EcrReplicationConfiguration;
import io.ecsoperator.crds.replication.EcrReplicationConfigurationSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RegistrySettingOwnersTest {

  private static final String DEFAULT_REGION = "eu-west-1";

  private final EcrReplicationConfiguration oldest =
      replication("apps", "oldest", "uid-b", "2026-12-01T10:00:00Z", null);
  private final EcrReplicationConfiguration sameSecondSmallerUid =
      replication("apps", "twin", "uid-a", "2026-12-01T10:00:00Z", DEFAULT_REGION);
  private final EcrReplicationConfiguration newer =
      replication("team", "newer", "uid-c", "2026-12-02T10:00:00Z", null);
  private final EcrReplicationConfiguration otherRegion =
      replication("team", "elsewhere", "uid-d", "2026-12-03T10:00:00Z", "us-east-1");

  @Test
  void theOldestObjectOfTheRegionOwnsThenTheSmallestUid() {
    List<EcrReplicationConfiguration> all =
        List.of(newer, oldest, otherRegion, sameSecondSmallerUid);

    assertThat(owner(sameSecondSmallerUid, all)).as("it owns").isNull();
    assertThat(owner(oldest, all)).as("no region is the default region").isEqualTo("apps/twin");
    assertThat(owner(newer, all)).isEqualTo("apps/twin");
    assertThat(owner(otherRegion, all)).as("alone in its region").isNull();
  }

  @Test
  void theNextOldestTakesOverWhenTheOwnerIsGone() {
    assertThat(owner(newer, List.of(newer, oldest))).isEqualTo("apps/oldest");
    assertThat(owner(newer, List.of(newer))).isNull();
  }

  @Test
  void kindsThatAreNotRegistryWideHaveNoOwnerRule() {
    EcrRepository repository = new EcrRepository();
    repository.setMetadata(new ObjectMetaBuilder().withName("web").withUid("u").build());
    repository.setSpec(new EcrRepositorySpec());

    assertThat(
            RegistrySettingOwners.otherOwner(
                repository, Stream.of(), RegistrySettingOwnersTest::region))
        .isNull();
  }

  @Test
  void theMessageNamesTheOwnerAndTheRegion() {
    assertThat(RegistrySettingOwners.message(newer, "apps/twin", region(newer)))
        .startsWith("EcrReplicationConfiguration apps/twin owns the registry setting of eu-west-1")
        .contains("takes over when that one is deleted");
  }

  private static String owner(
      EcrReplicationConfiguration resource, List<EcrReplicationConfiguration> all) {
    return RegistrySettingOwners.otherOwner(
        resource, all.stream(), RegistrySettingOwnersTest::region);
  }

  private static EcrReplicationConfiguration replication(
      String namespace, String name, String uid, String created, String region) {
    EcrReplicationConfiguration resource = new EcrReplicationConfiguration();
    resource.setMetadata(
        new ObjectMetaBuilder()
            .withNamespace(namespace)
            .withName(name)
            .withUid(uid)
            .withCreationTimestamp(created)
            .build());
    EcrReplicationConfigurationSpec spec = new EcrReplicationConfigurationSpec();
    spec.region = region;
    spec.rules = List.of();
    resource.setSpec(spec);
    return resource;
  }

  private static String region(io.fabric8.kubernetes.client.CustomResource<?, ?> object) {
    return RegistrySettingOwners.region(object, DEFAULT_REGION);
  }
}
