package io.ecsoperator.operator.cli.kind;

import io.ecsoperator.operator.cli.cluster.EcsClusterCliKind;
import io.ecsoperator.operator.cli.ecr.EcrRepositoryCliKind;
import io.ecsoperator.operator.cli.schema.CelRules;
import io.ecsoperator.operator.cli.schema.CrdSchema;
import io.ecsoperator.operator.cli.service.EcsServiceCliKind;
import io.ecsoperator.operator.cli.taskdefinition.EcsTaskDefinitionCliKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The kinds the CLI handles, their CRD schemas, and the order AWS needs them in. */
public final class CliKinds {

  /**
   * Dependency order: repositories hold the images task definitions name, services run in clusters
   * and run task definitions. Objects are applied in this order of kinds; references point from
   * later kinds to earlier ones.
   */
  public static final List<String> DEPENDENCY_ORDER =
      List.of("EcrRepository", "EcsCluster", "EcsTaskDefinition", "EcsService");

  private final List<CliKind<?, ?, ?>> kinds;
  private final CelRules cel = new CelRules();
  private final Map<String, CrdSchema> schemas = new ConcurrentHashMap<>();

  public CliKinds(List<CliKind<?, ?, ?>> kinds) {
    this.kinds = List.copyOf(kinds);
    for (CliKind<?, ?, ?> kind : kinds) {
      if (!DEPENDENCY_ORDER.contains(kind.kind())) {
        throw new IllegalArgumentException(kind.kind() + " has no place in the dependency order");
      }
    }
  }

  /** Every kind this build of the CLI handles. */
  public static CliKinds standard() {
    return new CliKinds(
        List.of(
            new EcrRepositoryCliKind(),
            new EcsClusterCliKind(),
            new EcsTaskDefinitionCliKind(),
            new EcsServiceCliKind()));
  }

  public List<CliKind<?, ?, ?>> all() {
    return kinds;
  }

  public Optional<CliKind<?, ?, ?>> byKind(String kind) {
    return kinds.stream().filter(k -> k.kind().equals(kind)).findFirst();
  }

  /** Whether the kind belongs to ecs-operator's API group, handled by the CLI or not. */
  public static boolean isOurGroup(String apiVersion) {
    return apiVersion != null && apiVersion.startsWith(groupOf() + "/");
  }

  /** Position of the kind in {@link #DEPENDENCY_ORDER}. */
  public static int rank(String kind) {
    return DEPENDENCY_ORDER.indexOf(kind);
  }

  /** The kind's CRD schema, loaded once. */
  public CrdSchema schema(CliKind<?, ?, ?> kind) {
    return schemas.computeIfAbsent(
        kind.kind(),
        k ->
            CrdSchema.fromClasspath(
                kind.crdResource(), HasMetadata.getVersion(kind.resourceType()), cel));
  }

  private static String groupOf() {
    return HasMetadata.getGroup(io.ecsoperator.crds.ecr.EcrRepository.class);
  }
}
