package io.ecsoperator.reconcilers.engine;

import java.time.Duration;

/**
 * Result of one deletion step.
 *
 * @param checkAgainIn when a waiting deletion is to be checked again, if the outcome knows (a turn
 *     under the rate limit); null: the driver's usual interval
 */
public record DeleteOutcome(
    Progress progress, String reason, String message, Duration checkAgainIn) {

  /** Where a deletion stands. */
  public enum Progress {
    /** Gone, or never existed: the object may be released. */
    DONE,
    /** AWS is still deleting (draining, scaling down): check again soon. */
    WAITING,
    /** AWS refuses, and only the user can change that (e.g. images left in a repository). */
    BLOCKED
  }

  public static final DeleteOutcome DONE = new DeleteOutcome(Progress.DONE, "Deleted", "deleted");

  public DeleteOutcome(Progress progress, String reason, String message) {
    this(progress, reason, message, null);
  }

  public static DeleteOutcome waiting(String reason, String message) {
    return new DeleteOutcome(Progress.WAITING, reason, message);
  }

  DeleteOutcome checkingAgainIn(Duration after) {
    return new DeleteOutcome(progress, reason, message, after);
  }

  public static DeleteOutcome blocked(String reason, String message) {
    return new DeleteOutcome(Progress.BLOCKED, reason, message);
  }
}
