package io.ecsoperator.operator.cli.service;

import io.ecsoperator.crds.cluster.EcsCluster;
import io.ecsoperator.crds.service.EcsService;
import io.ecsoperator.crds.service.EcsServiceSpec;
import io.ecsoperator.operator.cli.capacityprovider.ProviderReferenceFields;
import io.ecsoperator.operator.cli.imports.ImportContext;
import io.ecsoperator.operator.cli.imports.Importers;
import io.ecsoperator.operator.cli.kind.CliKind;
import io.ecsoperator.operator.cli.kind.Reference;
import io.ecsoperator.operator.cli.kind.ResolvedReferences;
import io.ecsoperator.operator.cli.kind.TaskDefinitionReference;
import io.ecsoperator.operator.service.EcsServiceAdapters;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.engine.TerminalException;
import io.ecsoperator.reconcilers.service.BatchedServiceReader;
import io.ecsoperator.reconcilers.service.EcsServiceState;
import io.ecsoperator.reconcilers.service.ServiceMemory;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * EcsService in the CLI. clusterRef and taskDefinitionRef name objects of the same files: the
 * cluster's name comes from the EcsCluster, the revision from what this run knows of the
 * EcsTaskDefinition (what plan observed, or what apply registered or adopted).
 */
public final class EcsServiceCliKind
    implements CliKind<EcsService, EcsServiceSpec, EcsServiceState>, Importers.Importer {

  static final String CLUSTER_REF = "clusterRef";
  static final String TASK_DEFINITION_REF = "taskDefinitionRef";

  /** Long enough for one reconcile to use the service read before it, short of apply's polls. */
  private static final Duration ONE_RECONCILE = Duration.ofSeconds(1);

  @Override
  public Class<EcsService> resourceType() {
    return EcsService.class;
  }

  @Override
  public List<Reference> references() {
    return List.of(
        new Reference(CLUSTER_REF, "EcsCluster"),
        new Reference(TASK_DEFINITION_REF, "EcsTaskDefinition"));
  }

  /** Also the provider objects of its strategy. */
  @Override
  public List<Reference> references(EcsService resource) {
    return Stream.concat(
            references().stream(),
            ProviderReferenceFields.ofStrategy(
                "capacityProviderStrategy", resource.getSpec().capacityProviderStrategy))
        .toList();
  }

  @Override
  public String describe(EcsService resource) {
    return "service " + resource.serviceName();
  }

  /**
   * @throws TerminalException when spec.taskDefinition names nothing AWS has, or the referenced
   *     EcsTaskDefinition is observe-only and AWS has no revision of it
   */
  @Override
  public ResourceAdapter<EcsServiceSpec, EcsServiceState> adapter(
      AwsClientFactory aws, EcsService resource, ResolvedReferences references) {
    EcsServiceSpec spec = resource.getSpec();
    String cluster = cluster(spec, references);
    String taskDefinition =
        TaskDefinitionReference.revisionArn(
            aws, spec.region, spec.taskDefinition, references.get(TASK_DEFINITION_REF));
    BatchedServiceReader reader = BatchedServiceReader.on(aws, ONE_RECONCILE);
    boolean restart = spec.restartedAt != null;
    // With a restart to judge, the service is read first; the adapter's observe reuses that read.
    ServiceMemory memory =
        restart
            ? restart(
                spec.restartedAt,
                read(reader, aws.forRegion(spec.region).region(), cluster, resource.serviceName()))
            : ServiceMemory.NONE;
    return EcsServiceAdapters.forObject(
        aws,
        reader,
        resource,
        cluster,
        taskDefinition,
        ProviderReferenceFields.names(references(resource), references),
        memory,
        !restart);
  }

  @Override
  public String arn(EcsServiceState actual) {
    return actual.arn();
  }

  /**
   * @param clusterAndService {@code <cluster>/<service>}
   */
  @Override
  public EcsService importResource(ImportContext context, String clusterAndService) {
    int slash = clusterAndService.indexOf('/');
    return ServiceImporter.importOne(
        context, clusterAndService.substring(0, slash), clusterAndService.substring(slash + 1));
  }

  /**
   * What a restartedAt of the spec has brought about, with no status to remember it in: the restart
   * is done when the PRIMARY deployment started at that time or later.
   */
  static ServiceMemory restart(String restartedAt, Service service) {
    Instant requested = OffsetDateTime.parse(restartedAt).toInstant();
    boolean done =
        service != null
            && service.deployments().stream()
                .filter(d -> "PRIMARY".equals(d.status()))
                .map(Deployment::createdAt)
                .anyMatch(started -> started != null && !started.isBefore(requested));
    return done ? new ServiceMemory(restartedAt, null, null) : ServiceMemory.NONE;
  }

  private static Service read(
      BatchedServiceReader reader, String region, String cluster, String serviceName) {
    try {
      return reader.read(region, cluster, serviceName, true);
    } catch (ClusterNotFoundException noCluster) {
      return null;
    }
  }

  private static String cluster(EcsServiceSpec spec, ResolvedReferences references) {
    return spec.cluster != null
        ? spec.cluster
        : ((EcsCluster) references.get(CLUSTER_REF).resource()).clusterName();
  }
}
