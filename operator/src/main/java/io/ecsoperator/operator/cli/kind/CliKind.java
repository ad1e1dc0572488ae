package io.ecsoperator.operator.cli.kind;

import io.ecsoperator.crds.common.ManagedSpec;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.List;

/**
 * What the CLI needs to know of one kind; everything else (reading and validating manifests,
 * references, dependency order, plan, apply, waiting, import output) is shared. A new kind is one
 * class implementing this, listed in the operator's {@code KindRegistry}.
 *
 * @param <R> the custom resource
 * @param <S> its spec
 * @param <A> the kind's model of the AWS resource
 */
public interface CliKind<R extends CustomResource<S, ?>, S extends ManagedSpec, A> {

  /** The custom resource class: its kind, group, version and plural come from its annotations. */
  Class<R> resourceType();

  /** Spec fields naming other objects of the files, which are applied first. */
  default List<Reference> references() {
    return List.of();
  }

  /**
   * The same for one object, whose lists may hold references ({@code capacityProviderRefs.0}); by
   * default the kind's {@link #references()}.
   */
  default List<Reference> references(R resource) {
    return references();
  }

  /** The AWS resource in words, e.g. {@code repository shop/web}. */
  String describe(R resource);

  /** The engine's adapter for this object, its references resolved. */
  ResourceAdapter<S, A> adapter(AwsClientFactory aws, R resource, ResolvedReferences references);

  /** The ARN of the AWS resource, shown once it is applied. */
  String arn(A actual);

  default String kind() {
    return HasMetadata.getKind(resourceType());
  }

  default String apiVersion() {
    return HasMetadata.getApiVersion(resourceType());
  }

  /** Where the crds module's generated CRD of this kind is on the class path. */
  default String crdResource() {
    return CliKinds.crdResource(resourceType());
  }
}
