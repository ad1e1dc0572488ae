package io.ecsoperator.reconcilers.task;

import io.ecsoperator.reconcilers.engine.ResourceRef;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * How the tasks of one EcsTask are found again in AWS (DESIGN §6): RunTask's {@code startedBy} is
 * the object's UID (36 characters, RunTask's limit; the CLI, which has no UID, uses a UUID derived
 * from namespace/name, so a repeated apply finds the task it ran), the attempt number is a tag, and
 * each attempt's client token is derived from both, so a RunTask repeated after a crash returns the
 * attempt's tasks instead of starting new ones.
 */
public final class TaskIdentity {

  /** Tag with the number of the attempt a task belongs to. */
  public static final String ATTEMPT_TAG = "ecsoperator.io/attempt";

  private TaskIdentity() {}

  /** RunTask {@code startedBy}: up to 36 letters, digits, hyphens and underscores. */
  public static String startedBy(ResourceRef ref) {
    return ref.uid() != null
        ? ref.uid()
        : UUID.nameUUIDFromBytes(ref.owner().getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** RunTask {@code clientToken} (up to 64 ASCII characters) of one attempt. */
  public static String clientToken(ResourceRef ref, int attempt) {
    return startedBy(ref) + "-" + attempt;
  }
}
