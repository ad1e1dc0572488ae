package io.ecsoperator.operator.cli.manifest;

import io.ecsoperator.crds.account.AwsAccount;
import io.ecsoperator.crds.common.ManagedSpec;
import io.ecsoperator.operator.cli.kind.CliKind;
import io.ecsoperator.operator.cli.kind.CliKinds;
import io.ecsoperator.operator.cli.schema.ObjectNames;
import io.ecsoperator.operator.cli.schema.Violation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns files into valid, typed objects of our kinds: what the API server would refuse is refused
 * here, with the file, the document and the field, before anything talks to AWS. Documents of other
 * kinds are skipped with a notice.
 */
public final class ManifestLoader {

  /**
   * What was loaded, and the documents skipped on the way.
   *
   * @param accounts the AwsAccounts of the files, by name, for the objects that name one
   */
  public record Loaded(
      List<Manifest<?, ?, ?>> manifests, Map<String, AwsAccount> accounts, List<String> notices) {}

  /** ObjectMeta's fields; anything else under metadata is a typo. */
  private static final Set<String> METADATA_FIELDS =
      Set.of(
          "name",
          "namespace",
          "labels",
          "annotations",
          "generateName",
          "uid",
          "resourceVersion",
          "generation",
          "creationTimestamp",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "finalizers",
          "ownerReferences",
          "managedFields",
          "selfLink");

  private final CliKinds kinds;
  private final ManifestReader reader;
  private final String installation;

  public ManifestLoader(CliKinds kinds, InputStream stdin) {
    this(kinds, stdin, null);
  }

  /**
   * @param installation the operator installation whose AWS resources the objects are, as {@code
   *     run --installation} names it; null for none
   */
  public ManifestLoader(CliKinds kinds, InputStream stdin, String installation) {
    this.kinds = kinds;
    this.reader = new ManifestReader(stdin);
    this.installation = installation;
  }

  /**
   * Reads, checks and types every document.
   *
   * @param defaultNamespace the namespace of objects whose metadata names none
   * @throws InvalidManifestsException listing every problem found
   */
  public Loaded load(List<String> inputs, String defaultNamespace) {
    List<String> errors = new ArrayList<>();
    List<String> notices = new ArrayList<>();
    List<Manifest<?, ?, ?>> manifests = new ArrayList<>();
    Map<String, ManifestSource> seen = new HashMap<>();
    Map<String, AwsAccount> accounts = new LinkedHashMap<>();
    for (ManifestReader.Document document : reader.read(inputs, errors)) {
      if (isAccount(document.content())) {
        loadAccount(document, errors, seen, accounts);
        continue;
      }
      Manifest<?, ?, ?> manifest = load(document, defaultNamespace, errors, notices);
      if (manifest == null) {
        continue;
      }
      ManifestSource first = seen.putIfAbsent(manifest.id(), manifest.source());
      if (first != null) {
        errors.add(manifest.source() + ": " + manifest.id() + " is also declared in " + first);
      } else {
        manifests.add(manifest);
      }
    }
    errors.addAll(RegistrySettingClaims.secondClaims(manifests));
    if (!errors.isEmpty()) {
      throw new InvalidManifestsException(errors);
    }
    return new Loaded(manifests, accounts, notices);
  }

  private static boolean isAccount(Object content) {
    return content instanceof Map<?, ?> map
        && HasMetadata.getKind(AwsAccount.class).equals(map.get("kind"))
        && HasMetadata.getApiVersion(AwsAccount.class).equals(map.get("apiVersion"));
  }

  /**
   * An AwsAccount (cluster-scoped: no namespace), checked against its CRD as the API server does.
   */
  private void loadAccount(
      ManifestReader.Document document,
      List<String> errors,
      Map<String, ManifestSource> seen,
      Map<String, AwsAccount> accounts) {
    Map<String, Object> object = new LinkedHashMap<>();
    ((Map<?, ?>) document.content()).forEach((k, v) -> object.put(String.valueOf(k), v));
    object.remove("status");
    Object name =
        object.get("metadata") instanceof Map<?, ?> metadata ? metadata.get("name") : null;
    String label = document.source() + " (AwsAccount " + name + ")";
    List<Violation> violations = new ArrayList<>();
    if (!(name instanceof String n) || !ObjectNames.isValidName(n)) {
      violations.add(new Violation("metadata.name", "Required value: a valid name is needed"));
    } else {
      object.put("metadata", Map.of("name", n));
      violations.addAll(kinds.accountSchema().validate(object));
    }
    if (!violations.isEmpty()) {
      violations.forEach(v -> errors.add(label + ": " + v));
      return;
    }
    ManifestSource first = seen.putIfAbsent("AwsAccount " + name, document.source());
    if (first != null) {
      errors.add(label + ": AwsAccount " + name + " is also declared in " + first);
      return;
    }
    accounts.put((String) name, Serialization.jsonMapper().convertValue(object, AwsAccount.class));
  }

  private Manifest<?, ?, ?> load(
      ManifestReader.Document document,
      String defaultNamespace,
      List<String> errors,
      List<String> notices) {
    ManifestSource source = document.source();
    if (!(document.content() instanceof Map<?, ?> content)) {
      errors.add(source + ": not a YAML mapping (an object with apiVersion, kind, metadata, spec)");
      return null;
    }
    Object apiVersion = content.get("apiVersion");
    Object kindName = content.get("kind");
    if (!(apiVersion instanceof String) || !(kindName instanceof String)) {
      errors.add(source + ": apiVersion and kind must be given as strings");
      return null;
    }
    CliKind<?, ?, ?> kind = kinds.byKind((String) kindName).orElse(null);
    if (kind == null || !kind.apiVersion().equals(apiVersion)) {
      notices.add(
          "skipped "
              + source
              + ": "
              + kindName
              + " "
              + apiVersion
              + (CliKinds.isOurGroup((String) apiVersion)
                  ? " is not handled by this version of the CLI"
                  : " is not an ecs-operator kind"));
      return null;
    }
    return typed(kind, source, content, defaultNamespace, errors);
  }

  private <R extends CustomResource<S, ?>, S extends ManagedSpec, A> Manifest<R, S, A> typed(
      CliKind<R, S, A> kind,
      ManifestSource source,
      Map<?, ?> content,
      String defaultNamespace,
      List<String> errors) {
    List<Violation> violations = new ArrayList<>();
    Map<String, Object> metadata = metadata(content.get("metadata"), defaultNamespace, violations);
    String label =
        source
            + " ("
            + content.get("kind")
            + " "
            + (metadata == null ? "?" : nameOf(metadata))
            + ")";
    if (!content.containsKey("spec")) {
      violations.add(new Violation("spec", "Required value"));
    }
    if (metadata == null) {
      violations.forEach(v -> errors.add(label + ": " + v));
      return null;
    }
    // The CRD's rules see metadata.name only, as in the API server.
    Map<String, Object> object = new LinkedHashMap<>();
    content.forEach((k, v) -> object.put(String.valueOf(k), v));
    object.remove("status");
    object.put("metadata", Map.of("name", String.valueOf(metadata.get("name"))));
    violations.addAll(kinds.schema(kind).validate(object));
    if (!violations.isEmpty()) {
      violations.forEach(v -> errors.add(label + ": " + v));
      return null;
    }
    object.put("metadata", metadata);
    R resource = Serialization.jsonMapper().convertValue(object, kind.resourceType());
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = (Map<String, Object>) object.get("spec");
    return new Manifest<>(source, kind, resource, spec, installation);
  }

  /** The metadata with the namespace filled in, or null when it is unusable (reported). */
  private static Map<String, Object> metadata(
      Object raw, String defaultNamespace, List<Violation> violations) {
    if (!(raw instanceof Map<?, ?> given)) {
      violations.add(new Violation("metadata", "Required value: metadata.name is needed"));
      return null;
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    given.forEach((k, v) -> metadata.put(String.valueOf(k), v));
    metadata.keySet().stream()
        .filter(k -> !METADATA_FIELDS.contains(k))
        .forEach(
            k -> violations.add(new Violation("metadata." + k, "unknown field \"" + k + "\"")));
    Object name = metadata.get("name");
    if (!(name instanceof String n) || n.isEmpty()) {
      violations.add(new Violation("metadata.name", "Required value"));
    } else if (!ObjectNames.isValidName(n)) {
      violations.add(
          new Violation(
              "metadata.name",
              "Invalid value: \""
                  + n
                  + "\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric"
                  + " characters, '-' or '.', and must start and end with an alphanumeric"
                  + " character"));
    }
    Object namespace = metadata.getOrDefault("namespace", defaultNamespace);
    if (!(namespace instanceof String ns) || !ObjectNames.isValidNamespace(ns)) {
      violations.add(
          new Violation(
              "metadata.namespace",
              "Invalid value: \"" + namespace + "\": must be a lowercase RFC 1123 label"));
    }
    metadata.put("namespace", namespace);
    return metadata;
  }

  private static String nameOf(Map<String, Object> metadata) {
    return metadata.get("namespace") + "/" + metadata.get("name");
  }
}
