package io.ecsoperator.crds.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** A load balancer target group (or Classic Load Balancer) the service registers its tasks in. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.targetGroupArn) != has(self.loadBalancerName)",
    message = "set exactly one of targetGroupArn (ALB, NLB) and loadBalancerName (Classic)")
@ValidationRule(
    value = "!has(self.advancedConfiguration) || has(self.targetGroupArn)",
    message =
        "advancedConfiguration needs a targetGroupArn: Classic Load Balancers do not shift"
            + " traffic",
    fieldPath = ".advancedConfiguration")
public class LoadBalancer {

  @JsonPropertyDescription(
      "ARN of the Application or Network Load Balancer target group. Compared by target group"
          + " name, as AWS may report it in another form.")
  @Size(min = 1, max = 2048)
  public String targetGroupArn;

  @JsonPropertyDescription("Name of a Classic Load Balancer.")
  @Size(min = 1, max = 32)
  public String loadBalancerName;

  @JsonPropertyDescription("Container of the task definition to register.")
  @Size(min = 1, max = 255)
  public String containerName;

  @JsonPropertyDescription("Port of that container to register, 0 to 65535.")
  @Min(0)
  @Max(65535)
  public Integer containerPort;

  @JsonPropertyDescription(
      "Blue/green deployments: the alternate target group, listener rules and the role ECS uses"
          + " to shift traffic between them.")
  public AdvancedConfiguration advancedConfiguration;

  /**
   * What BLUE_GREEN, LINEAR and CANARY deployments need to move traffic between two target groups.
   * ECS swaps the two target groups at each such deployment: the pair is compared as a set.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class AdvancedConfiguration {

    @JsonPropertyDescription(
        "ARN of the alternate target group. ECS swaps it with targetGroupArn at each deployment,"
            + " so the two are compared as a pair in either order.")
    @Required
    @Size(min = 1, max = 2048)
    public String alternateTargetGroupArn;

    @JsonPropertyDescription(
        "ARN of the listener rule (ALB) or listener (NLB) of production traffic. ECS rewrites its"
            + " forward weights during deployments; the operator never does.")
    @Required
    @Size(min = 1, max = 2048)
    public String productionListenerRule;

    @JsonPropertyDescription(
        "ARN of the listener rule (ALB) or listener (NLB) of test traffic, optional.")
    @Size(min = 1, max = 2048)
    public String testListenerRule;

    @JsonPropertyDescription("ARN of the IAM role ECS assumes to change the listener rules.")
    @Required
    @Size(min = 1, max = 2048)
    public String roleArn;
  }
}
