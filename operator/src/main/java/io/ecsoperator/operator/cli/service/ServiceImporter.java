package io.ecsoperator.operator.cli.service;

import io.ecsoperator.crds.service.EcsService;
import io.ecsoperator.crds.service.EcsServiceSpec;
import io.ecsoperator.crds.service.LocalObjectReference;
import io.ecsoperator.crds.taskdefinition.EcsTaskDefinition;
import io.ecsoperator.operator.cli.imports.ImportContext;
import io.ecsoperator.reconcilers.aws.ApiCategory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.aws.Pages;
import io.ecsoperator.reconcilers.service.ResolvedService;
import io.ecsoperator.reconcilers.service.ServiceDeclaration;
import io.ecsoperator.reconcilers.tags.EcsTags;
import io.ecsoperator.reconcilers.tags.UserTags;
import io.ecsoperator.reconcilers.taskdefinition.RevisionArn;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.ListServicesResponse;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;

/**
 * Imports ECS services with what they run in and run: each service's cluster and task definition
 * family are imported too (once, however many services share them) and referenced by clusterRef and
 * taskDefinitionRef. Services are described 10 per DescribeServices call, as AWS allows.
 */
public final class ServiceImporter {

  /** DescribeServices takes up to 10 services. */
  private static final int BATCH = 10;

  private static final String ACTIVE = "ACTIVE";

  private ServiceImporter() {}

  /**
   * Imports services of a cluster.
   *
   * @param cluster the cluster's name or ARN
   * @param names the services to import; every ACTIVE service of the cluster when empty
   * @throws IllegalArgumentException when a named service is not an ACTIVE service of the cluster
   */
  public static void importServices(ImportContext context, String cluster, List<String> names) {
    AwsClients clients = context.clients();
    List<String> wanted = names.isEmpty() ? list(clients, cluster) : names;
    Map<String, Service> found = describe(clients, cluster, wanted);
    for (String name : wanted) {
      Service service = found.get(name);
      if (service == null) {
        if (names.isEmpty()) {
          continue; // listed, then deleted or draining: not a service to manage any more
        }
        throw new IllegalArgumentException(missing(clients, cluster, name));
      }
      context.reference(
          "EcsService", key(cluster, name), () -> toResource(context, cluster, service));
    }
  }

  /** One service; null when the cluster has no such ACTIVE service. */
  static EcsService importOne(ImportContext context, String cluster, String name) {
    Service service = describe(context.clients(), cluster, List.of(name)).get(name);
    return service == null ? null : toResource(context, cluster, service);
  }

  private static EcsService toResource(ImportContext context, String cluster, Service service) {
    EcsService resource = new EcsService();
    Map<String, String> tags = EcsTags.of(service.tags());
    resource.setMetadata(context.newMetadata("EcsService", service.serviceName(), tags));
    EcsServiceSpec spec = ServiceDeclaration.of(service);
    if (!service.serviceName().equals(resource.getMetadata().getName())) {
      spec.serviceName = service.serviceName();
    }
    runsIn(context, resource, spec, cluster);
    runs(context, resource, spec, service.taskDefinition());
    spec.region = context.specRegion();
    spec.adopt = true;
    Map<String, String> userTags = UserTags.of(tags);
    spec.tags = userTags.isEmpty() ? null : userTags;
    resource.setSpec(spec);
    return resource;
  }

  /**
   * Declares the cluster: clusterRef to the cluster's object, unless that object is another
   * namespace's (its owner's), which a reference cannot reach: then by name, with a note.
   */
  private static void runsIn(
      ImportContext context, EcsService resource, EcsServiceSpec spec, String cluster) {
    HasMetadata object =
        context
            .find("EcsCluster", cluster)
            .orElseThrow(() -> new IllegalArgumentException("no EcsCluster named " + cluster));
    if (sameNamespace(resource, object)) {
      spec.clusterRef = new LocalObjectReference(object.getMetadata().getName());
      return;
    }
    spec.cluster = ResolvedService.clusterName(cluster);
    context.note(resource, otherNamespace(resource, object, "cluster"));
  }

  /**
   * Declares the task definition the service runs: taskDefinitionRef to its family's object when
   * the service runs that object's current revision (the family's newest ACTIVE one, which the
   * object adopts); else the revision the service runs, by ARN, with a note, since the object
   * follows the newest revision and referencing it would roll the service forward.
   */
  private static void runs(
      ImportContext context, EcsService resource, EcsServiceSpec spec, String revisionArn) {
    RevisionArn revision = RevisionArn.parse(revisionArn);
    Optional<EcsTaskDefinition> family =
        revision == null
            ? Optional.empty()
            : context
                .find("EcsTaskDefinition", revision.family())
                .map(EcsTaskDefinition.class::cast);
    boolean current =
        family.isPresent() && revisionArn.equals(family.get().getStatus().taskDefinitionArn);
    if (current && sameNamespace(resource, family.get())) {
      spec.taskDefinitionRef = new LocalObjectReference(family.get().getMetadata().getName());
      return;
    }
    spec.taskDefinition = revisionArn;
    String service = "service " + resource.getMetadata().getName() + " runs " + revisionArn;
    if (family.isEmpty()) {
      context.note(
          resource,
          service + ", whose family has no ACTIVE revision to import: taskDefinition pins it");
    } else if (current) {
      context.note(resource, otherNamespace(resource, family.get(), "task definition"));
    } else {
      String name = family.get().getMetadata().getName();
      context.note(
          resource,
          service
              + ", not the newest revision of its family ("
              + family.get().getStatus().taskDefinitionArn
              + "), which EcsTaskDefinition "
              + name
              + " adopts: taskDefinition pins the revision it runs; replace it with"
              + " taskDefinitionRef: {name: "
              + name
              + "} to roll it forward");
    }
  }

  private static boolean sameNamespace(HasMetadata one, HasMetadata other) {
    return Objects.equals(one.getMetadata().getNamespace(), other.getMetadata().getNamespace());
  }

  private static String otherNamespace(EcsService resource, HasMetadata target, String what) {
    return "the "
        + what
        + " of service "
        + resource.getMetadata().getName()
        + " belongs to "
        + target.getKind()
        + " "
        + target.getMetadata().getNamespace()
        + "/"
        + target.getMetadata().getName()
        + " (its ownership tag), out of reach of a reference from the service's namespace: it is"
        + " named instead";
  }

  /** The names of the cluster's services, every page of ListServices. */
  private static List<String> list(AwsClients clients, String cluster) {
    return Pages.all(
            page ->
                clients.ecsCall(
                    ApiCategory.ECS_SERVICE_READ,
                    ecs -> ecs.listServices(r -> r.cluster(cluster).nextToken(page))),
            ListServicesResponse::serviceArns,
            ListServicesResponse::nextToken)
        .stream()
        .map(arn -> arn.substring(arn.lastIndexOf('/') + 1))
        .toList();
  }

  /** The ACTIVE services among the names, by name, 10 per call. */
  private static Map<String, Service> describe(
      AwsClients clients, String cluster, List<String> names) {
    Map<String, Service> found = new HashMap<>();
    for (int from = 0; from < names.size(); from += BATCH) {
      List<String> batch = names.subList(from, Math.min(names.size(), from + BATCH));
      clients
          .ecsCall(
              ApiCategory.ECS_SERVICE_READ,
              ecs ->
                  ecs.describeServices(
                      r -> r.cluster(cluster).services(batch).include(ServiceField.TAGS)))
          .services()
          .stream()
          .filter(s -> ACTIVE.equals(s.status()))
          .forEach(s -> found.put(s.serviceName(), s));
    }
    return found;
  }

  private static String key(String cluster, String service) {
    return ResolvedService.clusterName(cluster) + "/" + service;
  }

  private static String missing(AwsClients clients, String cluster, String name) {
    return "no ACTIVE EcsService named "
        + name
        + " in cluster "
        + ResolvedService.clusterName(cluster)
        + " in "
        + clients.region();
  }
}
