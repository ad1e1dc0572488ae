package io.ecsoperator.operator.controller;

import io.ecsoperator.crds.common.ConditionedStatus;
import io.ecsoperator.crds.common.StatusCondition;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.Objects;
import java.util.Optional;

/** An object another refers to, which must exist and be Ready at its current generation. */
public final class ReadyDependency {

  private ReadyDependency() {}

  /**
   * The object, when it exists and is Ready at its current generation.
   *
   * @throws DependencyNotReadyException otherwise, saying why
   */
  public static <D extends CustomResource<?, ? extends ConditionedStatus>> D require(
      Optional<D> found, String kind, String name) {
    D dependency =
        found.orElseThrow(
            () -> new DependencyNotReadyException(kind + " " + name + " does not exist"));
    ConditionedStatus status = dependency.getStatus();
    StatusCondition readyCondition = StatusConditions.ready(status);
    boolean current =
        status != null
            && Objects.equals(status.observedGeneration, dependency.getMetadata().getGeneration());
    if (!current || readyCondition == null || !"True".equals(readyCondition.status)) {
      throw new DependencyNotReadyException(
          kind
              + " "
              + name
              + " is not Ready"
              + (current && readyCondition != null
                  ? " (" + readyCondition.reason + ": " + readyCondition.message + ")"
                  : " at its current generation yet"));
    }
    return dependency;
  }
}
