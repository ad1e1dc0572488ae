package io.ecsoperator.operator.cli.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.operator.cli.manifest.Manifest;
import io.ecsoperator.operator.cli.manifest.ManifestLoader;
import io.ecsoperator.operator.kinds.KindRegistry;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveProgressTest {

  private static final String ESC = "\u001b";

  @Test
  void redrawsEveryObjectInPlaceWithoutWrapping() {
    List<Manifest<?, ?, ?>> manifests = load();
    StringWriter screen = new StringWriter();
    LiveProgress progress = new LiveProgress(new PrintWriter(screen), 60, manifests);

    progress.update(
        manifests.get(0),
        new ObjectStatus(ObjectState.READY, null, "created in AWS", "arn:aws:ecr:x"));

    String first =
        ESC
            + "[2K\rEcrRepository default/web (repository web): Waiting: its tu…\n"
            + ESC
            + "[2K\rEcsCluster default/shop (cluster shop): Waiting: its turn h…\n";
    String second =
        ESC
            + "[2A"
            + ESC
            + "[2K\rEcrRepository default/web (repository web): Ready: created …\n"
            + ESC
            + "[2K\rEcsCluster default/shop (cluster shop): Waiting: its turn h…\n";
    assertThat(screen.toString()).isEqualTo(first + second);
  }

  private static List<Manifest<?, ?, ?>> load() {
    String yaml =
        """
        apiVersion: ecsoperator.io/v1alpha1
        kind: EcrRepository
        metadata: {name: web}
        spec: {}
        ---
        apiVersion: ecsoperator.io/v1alpha1
        kind: EcsCluster
        metadata: {name: shop}
        spec: {}
        """;
    return new ManifestLoader(
            KindRegistry.cliKinds(),
            new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))
        .load(List.of("-"), "default")
        .manifests();
  }
}
