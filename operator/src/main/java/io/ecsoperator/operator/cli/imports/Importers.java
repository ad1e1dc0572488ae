package io.ecsoperator.operator.cli.imports;

import io.fabric8.kubernetes.api.model.HasMetadata;
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

  /** The importer of the kind, when it can be imported. */
  Optional<? extends Importer> importer(String kind);

  /** Where objects of the kind go among the emitted ones: dependencies first. */
  int rank(String kind);
}
