package io.ecsoperator.operator.cli;

import io.ecsoperator.operator.cli.manifest.ManifestLoader;
import io.ecsoperator.operator.cli.manifest.ResourceGraph;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Option;

/** The manifest options plan and apply share, and loading the manifests they name. */
public final class ManifestOptions {

  @Option(
      names = {"-f", "--filename"},
      required = true,
      paramLabel = "FILE|DIR|-",
      description =
          "Manifest file, folder (read recursively: *.yaml, *.yml, *.json) or - for standard"
              + " input. Repeatable.")
  List<String> inputs;

  @Option(
      names = {"-n", "--namespace"},
      defaultValue = "default",
      description =
          "Namespace of objects whose metadata has none (default: ${DEFAULT-VALUE}). With the"
              + " name it makes the owner tag, the same the operator writes in a cluster.")
  String namespace;

  @Option(
      names = "--installation",
      defaultValue = "${env:ECS_OPERATOR_INSTALLATION}",
      description =
          "The operator installation (its run --installation) whose AWS resources these are:"
              + " recorded in their ecsoperator.io/installation tag. None when omitted.")
  String installation;

  /** The valid objects of the files, resolved and ordered; notices of skipped documents to err. */
  ResourceGraph load(CliContext context, PrintWriter err) {
    return load(context, inputs, namespace, installation, err);
  }

  /** The same, for commands with options of their own. */
  public static ResourceGraph load(
      CliContext context,
      List<String> inputs,
      String namespace,
      String installation,
      PrintWriter err) {
    ManifestLoader.Loaded loaded =
        new ManifestLoader(context.kinds(), context.stdin(), installation).load(inputs, namespace);
    loaded.notices().forEach(err::println);
    err.flush();
    return ResourceGraph.of(loaded.manifests(), loaded.accounts(), context.kinds());
  }
}
