package io.ecsoperator.operator.testsupport;

import io.ecsoperator.testsupport.MotoNetwork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tasks of examples/fargate-web: its task definition "web" run in its cluster "web" on Fargate, in
 * a network of the bed's moto, as EcsTask and EcsScheduledTask specs carry it in {@code spec.task}.
 */
public final class FargateWebTask {

  private FargateWebTask() {}

  /** {@code spec.task}, indented for a spec, with the task group {@code group}. */
  public static String template(MotoNetwork network, String group) {
    return """
          task:
            clusterRef:
              name: web
            taskDefinitionRef:
              name: web
            launchType: FARGATE
            networkConfiguration:
              awsvpcConfiguration:
                subnets: [%s]
                securityGroups: [%s]
            group: %s
        """
        .formatted(network.subnet(), network.securityGroup(), group);
  }

  /** An EcsTask named {@code name} of that template, its group named alike. */
  public static String ecsTask(String name, int backoffLimit, MotoNetwork network) {
    return """
        apiVersion: ecsoperator.io/v1alpha1
        kind: EcsTask
        metadata:
          name: %s
        spec:
        %s  backoffLimit: %d
        """
        .formatted(name, template(network, name), backoffLimit);
  }

  /** The example's cluster and task definition, as one file of two documents. */
  public static String clusterAndTaskDefinition(Path repoRoot) {
    Path example = repoRoot.resolve("examples/fargate-web");
    try {
      return Files.readString(example.resolve("cluster.yaml"))
          + "\n---\n"
          + Files.readString(example.resolve("task-definition.yaml"))
          + "\n---\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
