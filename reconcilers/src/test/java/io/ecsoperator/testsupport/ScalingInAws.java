package io.ecsoperator.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;

/**
 * What Application Auto Scaling holds for one ECS service, read directly (not through the
 * operator's guard), for tests to check what the operator did.
 *
 * @param resourceId service/&lt;cluster&gt;/&lt;service&gt;
 */
public record ScalingInAws(ApplicationAutoScalingClient aas, String resourceId) {

  public List<ScalableTarget> targets() {
    return aas.describeScalableTargets(
            r -> r.serviceNamespace(ServiceNamespace.ECS).resourceIds(resourceId))
        .scalableTargets();
  }

  /** The one scalable target of the service. */
  public ScalableTarget target() {
    List<ScalableTarget> targets = targets();
    assertThat(targets).hasSize(1);
    return targets.get(0);
  }

  /** The service's scaling policies by name. */
  public Map<String, ScalingPolicy> policies() {
    return aas
        .describeScalingPolicies(
            r -> r.serviceNamespace(ServiceNamespace.ECS).resourceId(resourceId))
        .scalingPolicies()
        .stream()
        .collect(Collectors.toMap(ScalingPolicy::policyName, p -> p));
  }
}
