package io.ecsoperator.operator.controller;

import io.ecsoperator.crds.common.RegistryWide;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Which object owns a registry-wide setting ({@link RegistryWide}), which AWS keeps once per
 * account and region: among the objects of the kind for the same region, the oldest by
 * creationTimestamp, then by UID. Every object of the kind reaches the same answer from the same
 * cache, so two objects never take turns writing the setting; the others are Stalled naming the
 * owner and take over when it is gone.
 */
public final class RegistrySettingOwners {

  /** Reason of an object whose setting another object owns. */
  public static final String OWNED_BY_OTHER = "RegistrySettingOwnedByOther";

  private static final Comparator<HasMetadata> OLDEST_FIRST =
      Comparator.<HasMetadata, Instant>comparing(RegistrySettingOwners::created)
          .thenComparing(o -> o.getMetadata().getUid());

  private RegistrySettingOwners() {}

  /**
   * The owner of the setting {@code resource} declares when it is another object, as
   * namespace/name; null when {@code resource} owns it or its kind is not registry-wide.
   *
   * @param kindObjects every object of the kind the operator sees, {@code resource} included or not
   * @param registryOf the registry (account and region) of an object's setting; null for objects of
   *     other kinds
   */
  public static <R extends CustomResource<?, ?>> String otherOwner(
      R resource, Stream<R> kindObjects, Function<CustomResource<?, ?>, String> registryOf) {
    String registry = registryOf.apply(resource);
    if (registry == null) {
      return null;
    }
    HasMetadata owner =
        Stream.concat(Stream.of(resource), kindObjects)
            .filter(o -> registry.equals(registryOf.apply(o)))
            .min(OLDEST_FIRST)
            .orElseThrow();
    return Objects.equals(owner.getMetadata().getUid(), resource.getMetadata().getUid())
        ? null
        : owner.getMetadata().getNamespace() + "/" + owner.getMetadata().getName();
  }

  /** Why an object that does not own the setting waits. */
  public static String message(CustomResource<?, ?> resource, String owner, String registry) {
    return String.format(
        "%s %s owns the registry setting of %s (the oldest object of the kind for the registry);"
            + " this object changes nothing in AWS and takes over when that one is deleted",
        resource.getKind(), owner, registry);
  }

  /** The region of a registry-wide object's setting; null for other kinds. */
  public static String region(CustomResource<?, ?> resource, String defaultRegion) {
    if (!(resource.getSpec() instanceof RegistryWide setting)) {
      return null;
    }
    return setting.settingRegion() == null ? defaultRegion : setting.settingRegion();
  }

  private static Instant created(HasMetadata resource) {
    String timestamp = resource.getMetadata().getCreationTimestamp();
    return timestamp == null ? Instant.MAX : Instant.parse(timestamp);
  }
}
