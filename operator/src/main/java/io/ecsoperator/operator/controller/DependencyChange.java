package io.ecsoperator.operator.controller;

import io.ecsoperator.crds.common.ManagedStatus;
import io.ecsoperator.crds.common.StatusCondition;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Whether an update of an object (an EcsCluster, EcsTaskDefinition, EcsCapacityProvider) matters to
 * the objects referring to it: only what they read from it does (its generation and the generation
 * its status describes, its Ready condition, and a kind's own output such as the current revision
 * ARN). A cluster's task and service counts change with every task that starts or stops;
 * reconciling every service of the cluster for each would be a herd of no-op reconciles.
 */
public final class DependencyChange {

  private DependencyChange() {}

  /**
   * @param output what a service reads from the status beyond readiness (null for nothing)
   */
  public static <D extends CustomResource<?, ? extends ManagedStatus>> boolean matters(
      D updated, D previous, Function<D, Object> output) {
    return !view(updated, output).equals(view(previous, output));
  }

  private static <D extends CustomResource<?, ? extends ManagedStatus>> List<Object> view(
      D dependency, Function<D, Object> output) {
    ManagedStatus status = dependency.getStatus();
    StatusCondition ready = StatusConditions.ready(status);
    return Arrays.asList(
        dependency.getMetadata().getGeneration(),
        status == null ? null : status.observedGeneration,
        ready == null ? null : ready.status,
        ready == null ? null : ready.reason,
        ready == null ? null : ready.message,
        output.apply(dependency));
  }
}
