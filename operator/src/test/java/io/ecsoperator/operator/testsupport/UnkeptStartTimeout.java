package io.ecsoperator.operator.testsupport;

import io.ecsoperator.testsupport.AwsFaultProxy;

/**
 * A task definition with a field AWS does not keep as sent (issue 10): the proxy answers
 * RegisterTaskDefinition and DescribeTaskDefinition without the container's startTimeout.
 */
public final class UnkeptStartTimeout {

  public static final String ECS = "AmazonEC2ContainerServiceV20141113.";

  /** EcsTaskDefinition {@code keeper}, family {@code keeper}, one revision. */
  public static final String TASK_DEFINITION =
      """
      apiVersion: ecsoperator.io/v1alpha1
      kind: EcsTaskDefinition
      metadata: {name: keeper}
      spec:
        requiresCompatibilities: [FARGATE]
        networkMode: awsvpc
        cpu: "256"
        memory: "512"
        containerDefinitions: [{name: web, image: "nginx:1.27", startTimeout: 30}]
      """;

  /** What the user is told, in plan, the Ready message and the event. */
  public static final String WARNING =
      "AWS did not keep as sent, so apply leaves as AWS has it:"
          + " containerDefinitions[web].startTimeout (sent 30, AWS has none)";

  private UnkeptStartTimeout() {}

  /** Makes {@code proxy} an AWS that does not keep startTimeout. */
  public static void dropIn(AwsFaultProxy proxy) {
    proxy.dropFromResponses(ECS + "RegisterTaskDefinition", "startTimeout");
    proxy.dropFromResponses(ECS + "DescribeTaskDefinition", "startTimeout");
  }
}
