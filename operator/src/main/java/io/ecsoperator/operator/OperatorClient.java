package io.ecsoperator.operator;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The operator's Kubernetes client, which reads objects without {@code metadata.managedFields}:
 * server-side apply's record of who set which field, often the larger part of an object, which the
 * operator never reads and which its informers would otherwise keep for every object they cache
 * (and JOSDK for every status it writes). Leaving them out when reading, for every kind at once, is
 * the one place that covers all caches: JOSDK shares a controller's item store among its
 * per-namespace informers, so a pruning store would see one namespace's relist drop the others'
 * objects. Writes are unaffected: the API server keeps an object's managedFields when a request
 * leaves them out, and the resource version, labels, annotations and finalizers are read as ever.
 */
public final class OperatorClient {

  private OperatorClient() {}

  /** A client builder whose serialization leaves managedFields out of what it reads. */
  public static KubernetesClientBuilder builder() {
    return new KubernetesClientBuilder().withKubernetesSerialization(serialization());
  }

  static KubernetesSerialization serialization() {
    ObjectMapper mapper = new ObjectMapper();
    mapper.addMixIn(ObjectMeta.class, WithoutManagedFields.class);
    return new KubernetesSerialization(mapper, true);
  }

  /** Ignored when read only: an object built with managedFields still writes them. */
  @JsonIgnoreProperties(value = "managedFields", allowGetters = true)
  private interface WithoutManagedFields {}
}
