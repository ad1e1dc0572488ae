package io.ecsoperator.operator.cli;

import io.ecsoperator.operator.cli.imports.ImportContext;
import io.ecsoperator.operator.cli.imports.ManifestWriter;
import io.ecsoperator.operator.cli.service.ServiceImporter;
import io.ecsoperator.reconcilers.aws.AwsCallListener;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ecs-operator import}: manifests of existing AWS resources, ready to adopt. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Writes manifests of existing AWS resources: only what differs from AWS's defaults, no"
          + " read-only fields, and adopt: true so that the first apply takes them over. plan on"
          + " the result shows no change.",
      "With --service or --all-services, each service comes with its cluster and task"
          + " definition family, which it refers to with clusterRef and taskDefinitionRef.",
      "With --registry, the registry-wide ECR settings of the region: each kind that describes"
          + " the whole registry imports all its resources; a setting still at AWS's default is"
          + " left out.",
      "It only reads AWS."
    })
public final class ImportCommand implements Callable<Integer> {

  private final CliContext context;

  @Spec CommandSpec spec;

  @Option(names = "--repository", paramLabel = "NAME", description = "ECR repository. Repeatable.")
  List<String> repositories = new ArrayList<>();

  @Option(
      names = "--cluster",
      paramLabel = "NAME",
      description =
          "ECS cluster, with its capacity providers (Auto Scaling group and Managed Instances),"
              + " which it refers to. Repeatable.")
  List<String> clusters = new ArrayList<>();

  @Option(
      names = "--service",
      paramLabel = "NAME",
      description =
          "ECS service of the (one) --cluster, with its task definition family; services refer"
              + " to the imported cluster and task definition. Repeatable.")
  List<String> services = new ArrayList<>();

  @Option(
      names = "--all-services",
      description = "Every service of each --cluster, with their task definition families.")
  boolean allServices;

  @Option(
      names = "--registry",
      description =
          "Every registry-wide ECR resource of the region (replication, scanning, pull-through"
              + " cache rules, repository creation templates).")
  boolean registry;

  @Option(
      names = "--schedule",
      paramLabel = "[GROUP/]NAME",
      description = "EventBridge Scheduler schedule that runs an ECS task. Repeatable.")
  List<String> schedules = new ArrayList<>();

  @Option(
      names = {"-n", "--namespace"},
      description = "Namespace to write into the manifests; left out when not given.")
  String namespace;

  @Option(
      names = "--region",
      description =
          "Region to read (written into spec.region); the AWS default region when not given.")
  String region;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE|DIR/",
      description =
          "Write to this file, or one file per object into this folder (an existing folder or a"
              + " path ending in /). Standard output when not given.")
  String output;

  public ImportCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    checkOptions();
    ImportContext imports;
    try (AwsClientFactory aws = context.aws().apply(AwsCallListener.NONE)) {
      imports = new ImportContext(aws, region, namespace, context.kinds());
      for (String name : repositories) {
        imports.reference("EcrRepository", name);
      }
      for (String cluster : clusters) {
        imports.reference("EcsCluster", cluster);
        if (allServices || !services.isEmpty()) {
          ServiceImporter.importServices(imports, cluster, allServices ? List.of() : services);
        }
      }
      for (String schedule : schedules) {
        imports.reference("EcsScheduledTask", schedule);
      }
      if (registry) {
        importRegistry(imports);
      }
    }
    write(imports);
    return 0;
  }

  private void checkOptions() {
    if (allServices && !services.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(), "give --service or --all-services, not both");
    }
    if (!services.isEmpty() && clusters.size() != 1) {
      throw new ParameterException(
          spec.commandLine(), "--service needs exactly one --cluster, the services' cluster");
    }
    if (allServices && clusters.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(), "--all-services needs the --cluster whose services to import");
    }
    if (repositories.isEmpty() && clusters.isEmpty() && schedules.isEmpty() && !registry) {
      throw new ParameterException(
          spec.commandLine(),
          "name at least one --repository, --cluster or --schedule, or --registry");
    }
  }

  private void importRegistry(ImportContext imports) {
    for (var kind : context.kinds().registryImporters()) {
      for (String name : kind.getValue().registryNames(imports)) {
        imports.reference(kind.getKey(), name);
      }
    }
  }

  private void write(ImportContext imports) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<HasMetadata> objects = imports.emitted();
    objects.forEach(o -> imports.notes(o).forEach(note -> err.println("note: " + note)));
    if (output == null) {
      out.print(ManifestWriter.toYaml(objects, imports::notes));
      out.flush();
    } else {
      Path path = Path.of(output);
      if (output.endsWith("/") || Files.isDirectory(path)) {
        List<Path> files = ManifestWriter.toFolder(objects, imports::notes, path);
        err.println("wrote " + files.size() + " manifests to " + path);
      } else {
        if (path.toAbsolutePath().getParent() != null) {
          Files.createDirectories(path.toAbsolutePath().getParent());
        }
        Files.writeString(
            path, ManifestWriter.toYaml(objects, imports::notes), StandardCharsets.UTF_8);
        err.println("wrote " + objects.size() + " manifests to " + path);
      }
    }
    err.flush();
  }
}
