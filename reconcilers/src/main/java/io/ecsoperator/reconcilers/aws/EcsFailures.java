package io.ecsoperator.reconcilers.aws;

import java.util.List;
import software.amazon.awssdk.services.ecs.model.Failure;

/** The per-item failures ECS answers a batched call with, next to what it found. */
public final class EcsFailures {

  /** ECS's reason for a name it does not know: an answer (absent), not an error. */
  private static final String MISSING = "MISSING";

  private EcsFailures() {}

  /** Throws for the first failure other than MISSING, naming the call and the item. */
  public static void requireOnlyMissing(String call, List<Failure> failures) {
    failures.stream()
        .filter(f -> !MISSING.equals(f.reason()))
        .findFirst()
        .ifPresent(
            f -> {
              throw new IllegalStateException(call + " failed for " + f.arn() + ": " + reason(f));
            });
  }

  /** The failure's reason, with its detail when ECS gives one. */
  public static String reason(Failure failure) {
    return failure.reason() + (failure.detail() == null ? "" : " (" + failure.detail() + ")");
  }
}
