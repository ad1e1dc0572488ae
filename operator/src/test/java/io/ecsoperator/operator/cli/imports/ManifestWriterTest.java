package io.ecsoperator.operator.cli.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.cluster.EcsCluster;
import io.ecsoperator.crds.cluster.EcsClusterSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestWriterTest {

  @Test
  void notesAreCommentsAboveTheirObjectWrappedAtAbout100Characters() {
    EcsCluster shop = cluster("shop");
    EcsCluster batch = cluster("batch");
    String note = "word ".repeat(30).trim();

    String yaml =
        ManifestWriter.toYaml(List.of(shop, batch), o -> o == batch ? List.of(note) : List.of());

    assertThat(yaml)
        .contains(
            "spec:\n  adopt: true\n---\n# "
                + "word ".repeat(19).trim()
                + "\n# "
                + "word ".repeat(11).trim()
                + "\napiVersion: ecsoperator.io/v1alpha1\nkind: EcsCluster\nmetadata:\n"
                + "  name: batch\n");
    assertThat(yaml.lines().filter(l -> l.startsWith("# word"))).hasSize(2);
  }

  private static EcsCluster cluster(String name) {
    EcsCluster cluster = new EcsCluster();
    cluster.getMetadata().setName(name);
    cluster.setSpec(new EcsClusterSpec());
    cluster.getSpec().adopt = true;
    return cluster;
  }
}
