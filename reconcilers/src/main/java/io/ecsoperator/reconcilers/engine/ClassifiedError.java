package io.ecsoperator.reconcilers.engine;

/** An error sorted into retryable or terminal, with a CamelCase reason and AWS's message. */
public record ClassifiedError(boolean retryable, String reason, String message) {}
