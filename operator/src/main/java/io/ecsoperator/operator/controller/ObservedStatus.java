package io.ecsoperator.operator.controller;

import io.ecsoperator.crds.common.ConditionedStatus;
import io.ecsoperator.crds.common.ManagedStatus;
import io.ecsoperator.reconcilers.json.Json;
import java.util.ArrayList;
import java.util.function.Supplier;

/** The kind's observed status fields (ARN, counts...) carried over when AWS was not read. */
public final class ObservedStatus {

  private ObservedStatus() {}

  /**
   * A copy of {@code previous} without conditions and drift, which the caller sets anew; an empty
   * status when there was none.
   */
  @SuppressWarnings("unchecked")
  public static <T extends ConditionedStatus> T kept(T previous, Supplier<T> empty) {
    if (previous == null) {
      return empty.get();
    }
    T copy = (T) Json.MAPPER.convertValue(previous, previous.getClass());
    copy.conditions = new ArrayList<>();
    if (copy instanceof ManagedStatus managed) {
      managed.drift = new ArrayList<>();
    }
    copy.observedGeneration = null;
    return copy;
  }
}
