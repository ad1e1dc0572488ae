package io.ecsoperator.operator.cli.imports;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The kinds an import run can emit, and the order their objects are written in. */
public interface Importers {

  /** Makes the manifest of one existing AWS resource of a kind. */
  interface Importer {

    /**
     * A clean manifest of an existing AWS resource: only what differs from AWS's defaults, no
     * read-only fields, {@code adopt: true}. Null when there is no such resource.
     *
     * @param awsName how the user named it on the command line
     */
    HasMetadata importResource(ImportContext context, String awsName);
  }

  /**
   * The importer of a registry-wide kind (ECR's registry settings, pull-through cache rules,
   * creation templates): {@code import --registry} imports every resource of every such kind.
   */
  interface RegistryImporter extends Importer {

    /**
     * The AWS names of the kind's resources in the registry of the region being imported from;
     * empty when there are none, or when a registry setting is still AWS's default.
     */
    List<String> registryNames(ImportContext context);
  }

  /** The importer of the kind, when it can be imported. */
  Optional<? extends Importer> importer(String kind);

  /** The importers of registry-wide kinds, by kind, in dependency order. */
  List<Map.Entry<String, RegistryImporter>> registryImporters();

  /** Where objects of the kind go among the emitted ones: dependencies first. */
  int rank(String kind);
}
