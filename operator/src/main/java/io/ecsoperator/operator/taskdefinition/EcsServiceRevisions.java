package io.ecsoperator.operator.taskdefinition;

import io.ecsoperator.reconcilers.taskdefinition.RevisionArn;
import io.ecsoperator.reconcilers.taskdefinition.RevisionsInUse;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.net.HttpURLConnection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The task definition revisions the EcsServices of one namespace run: the revision ARN each one's
 * status reports ({@code status.taskDefinition}), and the one its spec pins by ARN, which it is
 * about to run. Read as generic objects (DESIGN §4 fixes their group and plural), so this kind does
 * not depend on the EcsService classes.
 */
final class EcsServiceRevisions implements RevisionsInUse {

  static final ResourceDefinitionContext ECS_SERVICES =
      new ResourceDefinitionContext.Builder()
          .withGroup("ecsoperator.io")
          .withVersion("v1alpha1")
          .withKind("EcsService")
          .withPlural("ecsservices")
          .withNamespaced(true)
          .build();

  private final KubernetesClient client;
  private final ResourceDefinitionContext services;
  private final String namespace;

  EcsServiceRevisions(KubernetesClient client, String namespace) {
    this(client, ECS_SERVICES, namespace);
  }

  EcsServiceRevisions(
      KubernetesClient client, ResourceDefinitionContext services, String namespace) {
    this.client = client;
    this.services = services;
    this.namespace = namespace;
  }

  @Override
  public Set<String> arns() {
    try {
      return client
          .genericKubernetesResources(services)
          .inNamespace(namespace)
          .list()
          .getItems()
          .stream()
          .flatMap(EcsServiceRevisions::revisions)
          .collect(Collectors.toSet());
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        return Set.of(); // the EcsService kind is not installed: no service runs anything
      }
      throw e;
    }
  }

  private static Stream<String> revisions(GenericKubernetesResource service) {
    Object spec = service.getAdditionalProperties().get("spec");
    Object status = service.getAdditionalProperties().get("status");
    return Stream.of(field(status, "taskDefinition"), field(spec, "taskDefinition"))
        .filter(Objects::nonNull)
        .filter(value -> RevisionArn.parse(value) != null);
  }

  private static String field(Object object, String name) {
    return object instanceof Map<?, ?> map && map.get(name) instanceof String value ? value : null;
  }
}
