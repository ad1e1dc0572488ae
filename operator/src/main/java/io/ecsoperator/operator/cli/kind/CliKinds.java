package io.ecsoperator.operator.cli.kind;

import io.ecsoperator.crds.account.AwsAccount;
import io.ecsoperator.operator.cli.imports.Importers;
import io.ecsoperator.operator.cli.schema.CelRules;
import io.ecsoperator.operator.cli.schema.CrdSchema;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The kinds the CLI handles, their CRD schemas, and the order AWS needs them in. */
public final class CliKinds implements Importers {

  private final List<CliKind<?, ?, ?>> kinds;
  private final CelRules cel = new CelRules();
  private final Map<String, CrdSchema> schemas = new ConcurrentHashMap<>();

  /**
   * @param kinds in dependency order: objects are applied in this order of kinds; references point
   *     from later kinds to earlier ones
   */
  public CliKinds(List<CliKind<?, ?, ?>> kinds) {
    this.kinds = List.copyOf(kinds);
  }

  public List<CliKind<?, ?, ?>> all() {
    return kinds;
  }

  public Optional<CliKind<?, ?, ?>> byKind(String kind) {
    return kinds.stream().filter(k -> k.kind().equals(kind)).findFirst();
  }

  /** The kind's CLI side, when it also implements import. */
  @Override
  public Optional<Importers.Importer> importer(String kind) {
    return byKind(kind)
        .filter(Importers.Importer.class::isInstance)
        .map(Importers.Importer.class::cast);
  }

  @Override
  public List<Map.Entry<String, Importers.RegistryImporter>> registryImporters() {
    return kinds.stream()
        .filter(Importers.RegistryImporter.class::isInstance)
        .map(k -> Map.entry(k.kind(), (Importers.RegistryImporter) k))
        .toList();
  }

  /** Whether the kind belongs to ecs-operator's API group, handled by the CLI or not. */
  public static boolean isOurGroup(String apiVersion) {
    return apiVersion != null && apiVersion.startsWith(groupOf() + "/");
  }

  /** Position of the kind in the dependency order; -1 for a kind this CLI does not handle. */
  @Override
  public int rank(String kind) {
    for (int i = 0; i < kinds.size(); i++) {
      if (kinds.get(i).kind().equals(kind)) {
        return i;
      }
    }
    return -1;
  }

  /** The kind's CRD schema, loaded once. */
  public CrdSchema schema(CliKind<?, ?, ?> kind) {
    return schema(kind.resourceType(), kind.crdResource());
  }

  /**
   * The CRD schema of AwsAccount, which the files may hold for the objects that name one: not a
   * kind of its own in the CLI (it makes nothing in AWS), only checked and read.
   */
  public CrdSchema accountSchema() {
    return schema(AwsAccount.class, crdResource(AwsAccount.class));
  }

  /** Where the build puts a kind's generated CRD on the classpath. */
  static String crdResource(Class<? extends HasMetadata> type) {
    return "META-INF/fabric8/"
        + HasMetadata.getPlural(type)
        + "."
        + HasMetadata.getGroup(type)
        + "-v1.yml";
  }

  private CrdSchema schema(Class<? extends HasMetadata> type, String crdResource) {
    return schemas.computeIfAbsent(
        HasMetadata.getKind(type),
        k -> CrdSchema.fromClasspath(crdResource, HasMetadata.getVersion(type), cel));
  }

  private static String groupOf() {
    return HasMetadata.getGroup(io.ecsoperator.crds.ecr.EcrRepository.class);
  }
}
