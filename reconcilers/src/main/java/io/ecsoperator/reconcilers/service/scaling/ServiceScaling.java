package io.ecsoperator.reconcilers.service.scaling;

import io.ecsoperator.crds.service.ServiceAutoScaling;
import io.ecsoperator.crds.service.TargetTrackingPolicy;
import io.ecsoperator.reconcilers.aws.ApiCategory;
import io.ecsoperator.reconcilers.aws.AwsCallGuard;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.aws.Pages;
import io.ecsoperator.reconcilers.engine.TerminalException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalingPoliciesResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.ObjectNotFoundException;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.RegisterScalableTargetRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;

/**
 * Application Auto Scaling of one ECS service's desired count (DESIGN §8): the scalable target
 * service/&lt;cluster&gt;/&lt;service&gt; on ecs:service:DesiredCount and its target-tracking
 * policies. The EcsService adapter reads it in observe, diffs it with {@link ScalingDiff}, and
 * applies or removes it in update and delete. Every call goes through the guard.
 */
public final class ServiceScaling {

  private static final ServiceNamespace NAMESPACE = ServiceNamespace.ECS;
  private static final ScalableDimension DIMENSION = ScalableDimension.ECS_SERVICE_DESIRED_COUNT;

  private final AwsCallGuard guard;
  private final ApplicationAutoScalingClient aas;
  private final String resourceId;

  /**
   * @param cluster the service's cluster, by name or ARN
   * @param serviceName the service's name
   */
  public ServiceScaling(AwsClients clients, String cluster, String serviceName) {
    this.guard = clients.guard();
    this.aas = clients.autoScaling();
    this.resourceId = resourceId(cluster, serviceName);
  }

  /** service/&lt;cluster name&gt;/&lt;service name&gt;: Application Auto Scaling's resource id. */
  public static String resourceId(String cluster, String serviceName) {
    String clusterName =
        cluster.startsWith("arn:") ? cluster.substring(cluster.lastIndexOf('/') + 1) : cluster;
    return "service/" + clusterName + "/" + serviceName;
  }

  /**
   * Whether observe must read Application Auto Scaling at all: not for a service whose spec has no
   * autoScaling and that never registered a target, which saves two calls per drift check.
   */
  public static boolean needsRead(ServiceAutoScaling desired, ScalingOwner owner) {
    return desired != null || owner.registeredTargetArn() != null;
  }

  /**
   * The service's scalable target and its policies: DescribeScalableTargets, then
   * DescribeScalingPolicies (all pages) when there is a target. Null when there is none.
   */
  public ScalingState read() {
    ScalableTarget target =
        guard
            .call(
                ApiCategory.AUTOSCALING_READ,
                () ->
                    aas.describeScalableTargets(
                        r ->
                            r.serviceNamespace(NAMESPACE)
                                .scalableDimension(DIMENSION)
                                .resourceIds(resourceId)))
            .scalableTargets()
            .stream()
            .filter(t -> resourceId.equals(t.resourceId()))
            .findFirst()
            .orElse(null);
    if (target == null) {
      return null;
    }
    List<ScalingPolicy> policies =
        Pages.all(
            page ->
                guard.call(
                    ApiCategory.AUTOSCALING_READ,
                    () ->
                        aas.describeScalingPolicies(
                            r ->
                                r.serviceNamespace(NAMESPACE)
                                    .scalableDimension(DIMENSION)
                                    .resourceId(resourceId)
                                    .nextToken(page))),
            DescribeScalingPoliciesResponse::scalingPolicies,
            DescribeScalingPoliciesResponse::nextToken);
    return ScalingState.of(target, policies);
  }

  /**
   * Makes Application Auto Scaling match {@code desired} with only the calls the differences need:
   * RegisterScalableTarget when the target is missing or its capacities differ (with the ownership
   * tags when it is new), PutScalingPolicy per new or changed policy, DeleteScalingPolicy per
   * target-tracking policy no longer declared. A null {@code desired} removes a target this object
   * registered. When the policies of a target registered by this very call fail, the target is
   * deregistered again before the error is thrown, since its ARN would be lost with the error.
   *
   * @param actual what {@link #read()} returned in this reconcile
   * @return the owner to use from now on: with the ARN of the target this object now registered or
   *     adopted, or none after a removal; keep it in the object's status
   * @throws TerminalException reason {@code ScalableTargetOwnedByOther} when a target exists that
   *     this object did not register and may not adopt; it is left untouched
   */
  public ScalingOwner apply(ServiceAutoScaling desired, ScalingState actual, ScalingOwner owner) {
    if (desired == null) {
      remove(actual, owner);
      return owner.withRegisteredTargetArn(null);
    }
    if (!owner.mayManage(actual)) {
      throw new TerminalException(
          "ScalableTargetOwnedByOther",
          "the scalable target of "
              + resourceId
              + " ("
              + actual.targetArn()
              + ") was not registered by ecs-operator for "
              + owner.ref().owner()
              + "; it is left untouched. Set spec.adopt: true to take it over, or remove"
              + " spec.autoScaling");
    }
    String targetArn = actual == null ? null : actual.targetArn();
    if (actual == null
        || !Objects.equals(desired.minCapacity, actual.minCapacity())
        || !Objects.equals(desired.maxCapacity, actual.maxCapacity())) {
      // AWS tags a scalable target only when it is created.
      targetArn = register(desired, actual == null ? owner.ref().ownershipTags() : Map.of());
    }
    ScalingOwner after = owner.withRegisteredTargetArn(targetArn);
    try {
      applyPolicies(desired, actual);
    } catch (RuntimeException failed) {
      if (actual == null) {
        undoRegistration(after, failed);
      }
      throw failed;
    }
    return after;
  }

  /** PutScalingPolicy per new or changed policy, DeleteScalingPolicy per undeclared one. */
  private void applyPolicies(ServiceAutoScaling desired, ScalingState actual) {
    Set<String> declared =
        ScalingDiff.declaredPolicies(desired).stream()
            .map(p -> p.policyName)
            .collect(Collectors.toSet());
    for (TargetTrackingPolicy policy : ScalingDiff.declaredPolicies(desired)) {
      TrackingPolicy want = TrackingPolicy.of(policy);
      if (actual == null || !want.equals(actual.policies().get(policy.policyName))) {
        put(policy.policyName, want);
      }
    }
    if (actual != null) {
      for (String name : actual.trackingPolicies().keySet()) {
        if (!declared.contains(name)) {
          deletePolicy(name);
        }
      }
    }
  }

  /**
   * Removes a target this apply has just registered when its policies failed: apply throws, so the
   * target's ARN never reaches the object's status, and the next reconcile would take the target
   * for someone else's and stall. Without it, the next reconcile registers afresh. Only the target
   * with the ARN just registered is removed, with the policies it has by now; a failure here is
   * added to the original one.
   */
  private void undoRegistration(ScalingOwner registered, RuntimeException failed) {
    try {
      remove(read(), registered);
    } catch (RuntimeException undo) {
      failed.addSuppressed(undo);
    }
  }

  /**
   * Deletes the policies of a target this object registered, then deregisters it; anyone else's
   * target is left alone. Call it before scaling a service to 0 for deletion, or the scaler may set
   * the count back to minCapacity. "Not found" counts as done.
   */
  public void remove(ScalingState actual, ScalingOwner owner) {
    if (!owner.registered(actual)) {
      return;
    }
    actual.policies().keySet().forEach(this::deletePolicy);
    deregister();
  }

  /**
   * DeregisterScalableTarget; AWS deletes a target's policies with it, moto does not, so callers
   * delete them first either way. A target deregistered meanwhile counts as done.
   */
  private void deregister() {
    try {
      guard.run(
          ApiCategory.AUTOSCALING_MODIFY,
          () ->
              aas.deregisterScalableTarget(
                  r ->
                      r.serviceNamespace(NAMESPACE)
                          .scalableDimension(DIMENSION)
                          .resourceId(resourceId)));
    } catch (ObjectNotFoundException gone) {
      // Deregistered meanwhile: done.
    }
  }

  /** RegisterScalableTarget; returns the target's ARN. */
  private String register(ServiceAutoScaling desired, Map<String, String> tags) {
    RegisterScalableTargetRequest request = registerRequest(resourceId, desired, tags);
    return guard
        .call(ApiCategory.AUTOSCALING_MODIFY, () -> aas.registerScalableTarget(request))
        .scalableTargetARN();
  }

  /** The RegisterScalableTarget request; {@code tags} only for a new target. */
  static RegisterScalableTargetRequest registerRequest(
      String resourceId, ServiceAutoScaling desired, Map<String, String> tags) {
    RegisterScalableTargetRequest.Builder request =
        RegisterScalableTargetRequest.builder()
            .serviceNamespace(NAMESPACE)
            .scalableDimension(DIMENSION)
            .resourceId(resourceId)
            .minCapacity(desired.minCapacity)
            .maxCapacity(desired.maxCapacity);
    if (!tags.isEmpty()) {
      request.tags(tags);
    }
    return request.build();
  }

  private void put(String policyName, TrackingPolicy policy) {
    guard.run(
        ApiCategory.AUTOSCALING_MODIFY,
        () ->
            aas.putScalingPolicy(
                r ->
                    r.serviceNamespace(NAMESPACE)
                        .scalableDimension(DIMENSION)
                        .resourceId(resourceId)
                        .policyName(policyName)
                        .policyType(PolicyType.TARGET_TRACKING_SCALING)
                        .targetTrackingScalingPolicyConfiguration(policy.toAws())));
  }

  private void deletePolicy(String policyName) {
    try {
      guard.run(
          ApiCategory.AUTOSCALING_MODIFY,
          () ->
              aas.deleteScalingPolicy(
                  r ->
                      r.serviceNamespace(NAMESPACE)
                          .scalableDimension(DIMENSION)
                          .resourceId(resourceId)
                          .policyName(policyName)));
    } catch (ObjectNotFoundException gone) {
      // Deleted meanwhile: done.
    }
  }
}
