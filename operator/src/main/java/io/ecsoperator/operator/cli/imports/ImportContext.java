package io.ecsoperator.operator.cli.imports;

import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.scheduler.SchedulerClient;

/**
 * One import run: reads AWS, names the emitted objects, and lets an object refer to another one it
 * emits. A kind's importer calls {@link #reference} for what its spec points at (a service's
 * cluster and task definition), which imports that resource too when it was not asked for, and
 * writes the returned name into {@code clusterRef} / {@code taskDefinitionRef}.
 */
public final class ImportContext {

  private final AwsClientFactory aws;
  private final String region;
  private final String namespace;
  private final Importers kinds;
  private final KubeNames names = new KubeNames();
  private final Map<String, HasMetadata> emitted = new LinkedHashMap<>();
  private final Map<HasMetadata, List<String>> notes = new IdentityHashMap<>();

  /**
   * @param region the region asked for on the command line, or null for the default one
   * @param namespace the namespace asked for on the command line, or null to leave it out
   */
  public ImportContext(AwsClientFactory aws, String region, String namespace, Importers kinds) {
    this.aws = aws;
    this.region = region;
    this.namespace = namespace;
    this.kinds = kinds;
  }

  /** The AWS clients of the region being imported from. */
  public AwsClients clients() {
    return aws.forRegion(region);
  }

  /** EventBridge Scheduler's client of the region being imported from. */
  public SchedulerClient scheduler() {
    return aws.scheduler(region);
  }

  /** The region to write into spec.region: only when the user chose one. */
  public String specRegion() {
    return region;
  }

  /**
   * Metadata for a new object. A resource tagged with an owner (applied by the operator or the CLI)
   * keeps that owner's namespace and name, so the manifest is recognised as the same object's;
   * otherwise the name is derived from the AWS name, unique within the kind, in the namespace asked
   * for.
   */
  public ObjectMeta newMetadata(String kind, String awsName, Map<String, String> awsTags) {
    String[] owner = String.valueOf(awsTags.get(ResourceRef.OWNER_TAG)).split("/", -1);
    if (owner.length == 2 && names.claim(kind, owner[0], owner[1])) {
      return new ObjectMetaBuilder().withName(owner[1]).withNamespace(owner[0]).build();
    }
    return new ObjectMetaBuilder()
        .withName(names.allocate(kind, namespace, awsName))
        .withNamespace(namespace)
        .build();
  }

  /**
   * Imports the AWS resource of {@code kind} named {@code awsName}, unless this run already did,
   * and returns the emitted object's name.
   *
   * @throws IllegalArgumentException when AWS has no such resource
   */
  public String reference(String kind, String awsName) {
    return reference(kind, awsName, () -> handler(kind).importResource(this, awsName));
  }

  /**
   * The same, with the object made by {@code importer} (null when there is no such resource), e.g.
   * from an answer that described several resources at once.
   */
  public String reference(String kind, String awsName, Supplier<HasMetadata> importer) {
    return imported(kind, awsName, importer)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no " + kind + " named " + awsName + " in " + clients().region()))
        .getMetadata()
        .getName();
  }

  /**
   * The object of the AWS resource of {@code kind} named {@code awsName}, imported unless this run
   * already did; empty when AWS has no such resource.
   */
  public Optional<HasMetadata> find(String kind, String awsName) {
    return imported(kind, awsName, () -> handler(kind).importResource(this, awsName));
  }

  /** Says something about an emitted object that its manifest should carry as a comment. */
  public void note(HasMetadata object, String text) {
    notes.computeIfAbsent(object, o -> new ArrayList<>()).add(text);
  }

  /** The notes about an object, in the order they were made. */
  public List<String> notes(HasMetadata object) {
    return notes.getOrDefault(object, List.of());
  }

  /**
   * Every object imported, in dependency order of their kinds (as apply takes them), else in the
   * order they were asked for.
   */
  public List<HasMetadata> emitted() {
    List<HasMetadata> objects = new ArrayList<>(emitted.values());
    objects.sort(Comparator.comparingInt(o -> kinds.rank(o.getKind())));
    return objects;
  }

  private Optional<HasMetadata> imported(
      String kind, String awsName, Supplier<HasMetadata> importer) {
    String key = kind + " " + awsName;
    HasMetadata existing = emitted.get(key);
    if (existing != null) {
      return Optional.of(existing);
    }
    HasMetadata imported = importer.get();
    if (imported != null) {
      emitted.put(key, imported);
    }
    return Optional.ofNullable(imported);
  }

  private Importers.Importer handler(String kind) {
    return kinds
        .importer(kind)
        .orElseThrow(() -> new IllegalArgumentException(kind + " cannot be imported yet"));
  }
}
