package io.ecsoperator.reconcilers.engine;

/** Result of one deletion step. */
public record DeleteOutcome(Progress progress, String reason, String message) {

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

  public static DeleteOutcome waiting(String reason, String message) {
    return new DeleteOutcome(Progress.WAITING, reason, message);
  }

  public static DeleteOutcome blocked(String reason, String message) {
    return new DeleteOutcome(Progress.BLOCKED, reason, message);
  }
}
