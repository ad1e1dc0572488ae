package io.ecsoperator.operator.cli.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecsoperator.crds.account.AwsAccount;
import io.ecsoperator.crds.account.AwsAccountSpec;
import io.ecsoperator.crds.cluster.EcsCluster;
import io.ecsoperator.crds.cluster.EcsClusterSpec;
import io.ecsoperator.operator.cli.kind.CliKind;
import io.ecsoperator.operator.cli.kind.CliKinds;
import io.ecsoperator.operator.cli.kind.Reference;
import io.ecsoperator.operator.cli.kind.ResolvedReferences;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.ecsoperator.reconcilers.engine.ChangeStrategy;
import io.ecsoperator.reconcilers.engine.FieldChange;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * References and dependency order, with stand-ins for the kinds still to come (task definitions,
 * services) so that the generic part is tested for them already.
 */
class ResourceGraphTest {

  /** A kind that only has a name and references. */
  private record FakeKind(String kind, List<Reference> references)
      implements CliKind<EcsCluster, EcsClusterSpec, Object> {
    @Override
    public Class<EcsCluster> resourceType() {
      return EcsCluster.class;
    }

    @Override
    public String describe(EcsCluster resource) {
      return kind + " " + resource.getMetadata().getName();
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
  }

  private static final FakeKind REPOSITORY = new FakeKind("EcrRepository", List.of());
  private static final FakeKind CLUSTER = new FakeKind("EcsCluster", List.of());
  private static final FakeKind TASK_DEFINITION = new FakeKind("EcsTaskDefinition", List.of());
  private static final FakeKind SERVICE =
      new FakeKind(
          "EcsService",
          List.of(
              new Reference("clusterRef", "EcsCluster"),
              new Reference("taskDefinitionRef", "EcsTaskDefinition")));

  /** The dependency order the registry gives the real kinds. */
  private static final CliKinds ORDER =
      new CliKinds(List.of(REPOSITORY, CLUSTER, TASK_DEFINITION, SERVICE));

  private int documents;

  @Test
  void ordersByReferencesThenByKindThenAsWritten() {
    var service =
        manifest(
            SERVICE, "web", Map.of("clusterRef", ref("shop"), "taskDefinitionRef", ref("web")));
    var taskDefinition = manifest(TASK_DEFINITION, "web", Map.of());
    var cluster = manifest(CLUSTER, "shop", Map.of());
    var otherCluster = manifest(CLUSTER, "batch", Map.of());
    var repository = manifest(REPOSITORY, "web", Map.of());

    ResourceGraph graph =
        ResourceGraph.of(
            List.of(service, taskDefinition, cluster, otherCluster, repository), Map.of(), ORDER);

    assertThat(graph.ordered())
        .containsExactly(repository, cluster, otherCluster, taskDefinition, service);
    assertThat(graph.dependencies(service)).containsExactly(cluster, taskDefinition);
    assertThat(graph.dependencies(cluster)).isEmpty();
  }

  @Test
  void resolvesReferencesWithWhatIsKnownOfTheirTargets() {
    var service = manifest(SERVICE, "web", Map.of("clusterRef", ref("shop")));
    var cluster = manifest(CLUSTER, "shop", Map.of());
    ResourceGraph graph = ResourceGraph.of(List.of(service, cluster), Map.of(), ORDER);

    ChangeSet pending =
        new ChangeSet(
            List.of(new FieldChange("settings", "enabled", "disabled", ChangeStrategy.IN_PLACE)));
    ResolvedReferences references =
        graph.resolve(
            service,
            m ->
                m == cluster
                    ? new ResolvedReferences.Target(
                        m.resource(), "arn:aws:ecs:us-east-1:1:cluster/shop", pending)
                    : null);

    assertThat(references.get("clusterRef").resource()).isSameAs(cluster.resource());
    assertThat(references.get("clusterRef").actual())
        .isEqualTo("arn:aws:ecs:us-east-1:1:cluster/shop");
    assertThat(references.get("clusterRef").pending()).isSameAs(pending);
    assertThat(references.get("taskDefinitionRef")).as("not used by this spec").isNull();
  }

  @Test
  void aTargetThisRunHasNotReadIsKnownByItsManifestAlone() {
    var service = manifest(SERVICE, "web", Map.of("clusterRef", ref("shop")));
    var cluster = manifest(CLUSTER, "shop", Map.of());
    ResourceGraph graph = ResourceGraph.of(List.of(service, cluster), Map.of(), ORDER);

    ResolvedReferences.Target target = graph.resolve(service, m -> null).get("clusterRef");

    assertThat(target.resource()).isSameAs(cluster.resource());
    assertThat(target.actual()).isNull();
    assertThat(target.pending().isEmpty()).isTrue();
  }

  @Test
  void aReferenceMustNameAnObjectOfTheFilesInTheSameNamespace() {
    var service = manifest(SERVICE, "web", Map.of("clusterRef", ref("shop")));
    var clusterElsewhere = manifest(CLUSTER, "shop", Map.of());
    clusterElsewhere.resource().getMetadata().setNamespace("prod");

    assertThatThrownBy(() -> ResourceGraph.of(List.of(service, clusterElsewhere), Map.of(), ORDER))
        .isInstanceOfSatisfying(
            InvalidManifestsException.class,
            e ->
                assertThat(e.errors())
                    .containsExactly(
                        "files.yaml document 1 (EcsService default/web): spec.clusterRef.name: no"
                            + " EcsCluster named \"shop\" in namespace default among the files"));
  }

  @Test
  void anObjectActsInTheAwsAccountItNamesWhenTheFilesHoldItAndItAllowsTheNamespace() {
    var web = manifest(CLUSTER, "web", Map.of());
    web.spec().awsAccount = "team-a";
    var missing = manifest(CLUSTER, "missing", Map.of());
    missing.spec().awsAccount = "team-x";
    var elsewhere = manifest(CLUSTER, "elsewhere", Map.of());
    elsewhere.spec().awsAccount = "team-a";
    elsewhere.resource().getMetadata().setNamespace("prod");
    var own = manifest(CLUSTER, "own", Map.of());
    AwsAccount teamA = new AwsAccount();
    teamA.setMetadata(new ObjectMetaBuilder().withName("team-a").build());
    teamA.setSpec(new AwsAccountSpec());
    teamA.getSpec().namespaces = List.of("default");

    assertThat(ResourceGraph.of(List.of(web, own), Map.of("team-a", teamA), ORDER).account(web))
        .isSameAs(teamA);
    assertThat(ResourceGraph.of(List.of(web, own), Map.of("team-a", teamA), ORDER).account(own))
        .as("the caller's own identity")
        .isNull();
    assertThatThrownBy(
            () -> ResourceGraph.of(List.of(missing, elsewhere), Map.of("team-a", teamA), ORDER))
        .isInstanceOfSatisfying(
            InvalidManifestsException.class,
            e ->
                assertThat(e.errors())
                    .containsExactly(
                        "files.yaml document 2 (EcsCluster default/missing): spec.awsAccount: no"
                            + " AwsAccount named \"team-x\" among the files (kubectl get"
                            + " awsaccount team-x -o yaml gives it)",
                        "files.yaml document 3 (EcsCluster prod/elsewhere): spec.awsAccount:"
                            + " AwsAccount team-a does not allow namespace prod (the CLI reads no"
                            + " namespace labels: only spec.namespaces counts)"));
  }

  @Test
  void referencesInACircleAreRefused() {
    FakeKind selfish = new FakeKind("EcsService", List.of(new Reference("after", "EcsService")));
    var a = manifest(selfish, "a", Map.of("after", ref("b")));
    var b = manifest(selfish, "b", Map.of("after", ref("a")));

    assertThatThrownBy(() -> ResourceGraph.of(List.of(a, b), Map.of(), ORDER))
        .isInstanceOf(InvalidManifestsException.class)
        .hasMessageContaining("its references form a cycle");
  }

  private static Map<String, Object> ref(String name) {
    return Map.of("name", name);
  }

  private Manifest<EcsCluster, EcsClusterSpec, Object> manifest(
      FakeKind kind, String name, Map<String, Object> spec) {
    EcsCluster resource = new EcsCluster();
    resource.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("default").build());
    resource.setSpec(new EcsClusterSpec());
    return new Manifest<>(
        new ManifestSource("files.yaml", ++documents),
        kind,
        resource,
        new java.util.HashMap<>(spec),
        null);
  }
}
