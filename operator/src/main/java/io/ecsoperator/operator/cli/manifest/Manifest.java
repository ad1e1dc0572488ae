package io.ecsoperator.operator.cli.manifest;

import io.ecsoperator.crds.common.ManagedSpec;
import io.ecsoperator.operator.cli.kind.CliKind;
import io.ecsoperator.operator.cli.kind.Reference;
import io.ecsoperator.operator.cli.kind.ResolvedReferences;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.List;
import java.util.Map;

/**
 * One valid object of the files, typed, with where it came from.
 *
 * @param <R> the custom resource
 * @param <S> its spec
 * @param <A> the kind's model of the AWS resource
 */
public final class Manifest<R extends CustomResource<S, ?>, S extends ManagedSpec, A> {

  private final ManifestSource source;
  private final CliKind<R, S, A> kind;
  private final R resource;
  private final Map<String, Object> spec;
  private final String installation;

  Manifest(
      ManifestSource source,
      CliKind<R, S, A> kind,
      R resource,
      Map<String, Object> spec,
      String installation) {
    this.source = source;
    this.kind = kind;
    this.resource = resource;
    this.spec = spec;
    this.installation = installation;
  }

  public ManifestSource source() {
    return source;
  }

  public CliKind<R, S, A> kind() {
    return kind;
  }

  public R resource() {
    return resource;
  }

  public S spec() {
    return resource.getSpec();
  }

  public String namespace() {
    return resource.getMetadata().getNamespace();
  }

  public String name() {
    return resource.getMetadata().getName();
  }

  /**
   * The owner the AWS resource is tagged with: namespace/name and the operator installation, as the
   * operator tags it. Files carry no UID; {@code run -f} gives its task one per run. Ownership is
   * judged by the owner and installation tags, so what the CLI applies with an operator's {@code
   * --installation} that operator recognises as the same object's, and the other way round.
   */
  public ResourceRef ref() {
    return new ResourceRef(
        namespace(), name(), resource.getMetadata().getUid(), installation, spec().awsAccount);
  }

  /** {@code EcrRepository default/web}. */
  public String id() {
    return kind.kind() + " " + namespace() + "/" + name();
  }

  /** The AWS resource in words, e.g. {@code repository shop/web}. */
  public String describe() {
    return kind.describe(resource);
  }

  /**
   * The name a {@code {name: ...}} reference field of the spec holds, or null; a dotted field
   * ({@code task.clusterRef}) is looked up in nested objects, a number in it is a list index
   * ({@code capacityProviderRefs.0}).
   */
  public String referencedName(String field) {
    Object value = spec;
    for (String part : field.split("\\.")) {
      value = child(value, part);
    }
    return value instanceof Map<?, ?> ref && ref.get("name") instanceof String name ? name : null;
  }

  private static Object child(Object value, String part) {
    if (value instanceof Map<?, ?> map) {
      return map.get(part);
    }
    if (value instanceof List<?> list && part.matches("\\d{1,4}")) {
      int index = Integer.parseInt(part);
      return index < list.size() ? list.get(index) : null;
    }
    return null;
  }

  /** The spec fields of this object that name other objects of the files. */
  public List<Reference> references() {
    return kind.references(resource);
  }

  public ResourceAdapter<S, A> adapter(AwsClientFactory aws, ResolvedReferences references) {
    return kind.adapter(aws, resource, references);
  }

  @Override
  public String toString() {
    return id();
  }
}
