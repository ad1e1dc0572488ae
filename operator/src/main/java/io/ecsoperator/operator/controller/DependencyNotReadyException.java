package io.ecsoperator.operator.controller;

/**
 * Thrown while building an adapter when the object refers to another that is missing or not Ready
 * yet: the object waits (Reconciling, reason WaitingForDependency) and the engine does not run.
 */
public class DependencyNotReadyException extends RuntimeException {

  public DependencyNotReadyException(String message) {
    super(message);
  }
}
