package io.ecsoperator.operator.cli.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecsoperator.crds.cluster.EcsCluster;
import io.ecsoperator.crds.cluster.EcsClusterSpec;
import io.ecsoperator.operator.cli.kind.CliKind;
import io.ecsoperator.operator.cli.kind.CliKinds;
import io.ecsoperator.operator.cli.kind.ResolvedReferences;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The wiring importers of referencing kinds (services) rely on: a reference imports its target once
 * and returns the emitted object's name.
 */
class ImportContextTest {

  /** Imports clusters named in a fake AWS, counting reads. */
  private static final class FakeClusters
      implements CliKind<EcsCluster, EcsClusterSpec, Object>, Importers.Importer {
    final List<String> reads = new ArrayList<>();
    final Map<String, Map<String, String>> aws =
        Map.of("Shop", Map.of(), "owned", Map.of("ecsoperator.io/owner", "prod/shop-cluster"));

    @Override
    public Class<EcsCluster> resourceType() {
      return EcsCluster.class;
    }

    @Override
    public String describe(EcsCluster resource) {
      return "cluster";
    }

    @Override
    public ResourceAdapter<EcsClusterSpec, Object> adapter(
        AwsClientFactory aws, EcsCluster resource, ResolvedReferences references) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String arn(Object actual) {
      return null;
    }

    @Override
    public EcsCluster importResource(ImportContext context, String awsName) {
      reads.add(awsName);
      if (!aws.containsKey(awsName)) {
        return null;
      }
      EcsCluster cluster = new EcsCluster();
      cluster.setMetadata(context.newMetadata(kind(), awsName, aws.get(awsName)));
      cluster.setSpec(new EcsClusterSpec());
      return cluster;
    }
  }

  private final FakeClusters clusters = new FakeClusters();
  private final ImportContext context =
      new ImportContext(null, null, "ops", new CliKinds(List.of(clusters)));

  @Test
  void aReferenceImportsItsTargetOnceAndNamesIt() {
    assertThat(context.reference("EcsCluster", "Shop")).isEqualTo("shop");
    assertThat(context.reference("EcsCluster", "Shop")).isEqualTo("shop");

    assertThat(clusters.reads).containsExactly("Shop");
    assertThat(context.emitted())
        .extracting(HasMetadata::getMetadata)
        .singleElement()
        .satisfies(m -> assertThat(m.getNamespace()).isEqualTo("ops"));
  }

  @Test
  void anOwnedResourceKeepsItsOwnersNamespaceAndName() {
    assertThat(context.reference("EcsCluster", "owned")).isEqualTo("shop-cluster");
    assertThat(context.emitted().get(0).getMetadata().getNamespace()).isEqualTo("prod");
  }

  @Test
  void findImportsOnceAndIsEmptyWhenAwsHasNoSuchResource() {
    assertThat(context.find("EcsCluster", "Shop")).get().isSameAs(context.emitted().get(0));
    assertThat(context.find("EcsCluster", "Shop")).isPresent();
    assertThat(context.find("EcsCluster", "gone")).isEmpty();

    assertThat(clusters.reads).containsExactly("Shop", "gone");
  }

  /** An importer that read several resources at once hands its object in. */
  @Test
  void aReferenceCanTakeAnObjectMadeElsewhereAndNotesStayWithTheirObject() {
    EcsCluster made = new EcsCluster();
    made.setMetadata(context.newMetadata("EcsCluster", "Batch", Map.of()));
    context.note(made, "made elsewhere");

    assertThat(context.reference("EcsCluster", "Batch", () -> made)).isEqualTo("batch");

    assertThat(clusters.reads).isEmpty();
    assertThat(context.emitted()).containsExactly(made);
    assertThat(context.notes(made)).containsExactly("made elsewhere");
    assertThat(context.notes(new EcsCluster())).isEmpty();
  }

  @Test
  void aKindTheCliDoesNotHandleCannotBeReferenced() {
    assertThatThrownBy(() -> context.reference("EcsService", "shop/web"))
        .hasMessage("EcsService cannot be imported yet");
  }
}
