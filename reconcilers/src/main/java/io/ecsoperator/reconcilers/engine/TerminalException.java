package io.ecsoperator.reconcilers.engine;

/** A failure only a spec change can fix; ends in {@code Stalled} with this reason. */
public class TerminalException extends RuntimeException {

  private final String reason;

  public TerminalException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
