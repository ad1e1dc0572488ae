package io.ecsoperator.operator.controller;

import io.ecsoperator.reconcilers.engine.TerminalException;

/**
 * Thrown when an object may not act in the AWS account it names or its namespace is bound to: it is
 * Stalled with the reason and no AWS call is made until the account or the object changes.
 */
public class AccountRefusedException extends TerminalException {

  public AccountRefusedException(String reason, String message) {
    super(reason, message);
  }
}
