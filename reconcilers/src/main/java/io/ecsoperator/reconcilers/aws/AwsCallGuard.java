package io.ecsoperator.reconcilers.aws;

import io.ecsoperator.reconcilers.engine.ErrorClassifier;
import io.ecsoperator.reconcilers.engine.RateLimitedException;
import io.github.bucket4j.TimeMeter;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Wraps every AWS call of one account and region: a token bucket per API category keeps the
 * operator under AWS's buckets, a retry with exponential backoff and jitter repeats retryable
 * errors only, and a circuit breaker per service stops hammering an AWS that keeps failing. The
 * SDK's own retries are off (see {@link AwsClientFactory}) so this is the only retry layer.
 */
public final class AwsCallGuard {

  private final Map<ApiCategory, TokenBucket> buckets = new EnumMap<>(ApiCategory.class);
  private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
  private final Retry retry;
  private final GuardSettings settings;
  private final String scope;

  public AwsCallGuard(String scope, GuardSettings settings) {
    this.settings = settings;
    this.scope = scope;
    for (ApiCategory category : ApiCategory.values()) {
      buckets.put(
          category, TokenBucket.of(category, settings.rateShare(), TimeMeter.SYSTEM_NANOTIME));
    }
    this.retry =
        Retry.of(
            scope,
            RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(
                    IntervalFunction.ofExponentialRandomBackoff(
                        settings.initialBackoff(), 2.0, 0.5, settings.maxBackoff()))
                .retryOnException(AwsCallGuard::worthRetrying)
                .build());
  }

  /** Runs one AWS call under the category's limits. */
  public <T> T call(ApiCategory category, Supplier<T> call) {
    return Retry.decorateSupplier(retry, () -> callOnce(category, call)).get();
  }

  /**
   * Runs a call that is not idempotent (RegisterTaskDefinition has no client token) under the
   * category's limits, without retrying it: after a lost response its effect may have happened, so
   * the caller's next reconcile looks for that effect before calling again.
   */
  public <T> T callOnce(ApiCategory category, Supplier<T> call) {
    Supplier<T> limited =
        () -> {
          awaitTurn(category);
          return call.get();
        };
    return CircuitBreaker.decorateSupplier(breaker(category.service()), limited).get();
  }

  /**
   * Waits for the category's next token, or puts the call off when it would wait too long: with the
   * token held for when the caller comes back, or refused.
   */
  private void awaitTurn(ApiCategory category) {
    TokenBucket.Turn turn =
        buckets.get(category).take(settings.rateLimitWait(), settings.turnsHeldUpTo());
    if (turn == null) {
      throw new RateLimitedException(scope, category);
    }
    if (turn.held()) {
      // Back a little early: the caller's reads before this call take time, and it then waits
      // for the token here.
      throw new RateLimitedException(
          scope, category, turn.after().minus(settings.rateLimitWait().dividedBy(2)));
    }
    Duration wait = turn.after();
    if (wait.isZero()) {
      return;
    }
    try {
      Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new RateLimitedException(scope, category);
    }
  }

  /** Runs one AWS call whose response is not needed. */
  public void run(ApiCategory category, Runnable call) {
    call(
        category,
        () -> {
          call.run();
          return null;
        });
  }

  /**
   * Retryable errors are retried here, except our own refusals: the open circuit's (retrying within
   * the open period only meets the same refusal) and the rate limiter's (it has already waited its
   * full timeout). The reconcile is requeued with backoff instead.
   */
  private static boolean worthRetrying(Throwable error) {
    return !(error instanceof CallNotPermittedException)
        && !(error instanceof RateLimitedException)
        && ErrorClassifier.classify(error).retryable();
  }

  /**
   * Only AWS failing counts towards opening the breaker: not our own rate limit, not our bugs, and
   * not AWS rejecting a request (4xx), which is about the request, not AWS's health.
   */
  private static boolean isAwsFailure(Throwable error) {
    return error instanceof SdkException && ErrorClassifier.classify(error).retryable();
  }

  private CircuitBreaker breaker(String service) {
    return breakers.computeIfAbsent(
        service,
        name ->
            CircuitBreaker.of(
                name,
                CircuitBreakerConfig.custom()
                    .slidingWindowSize(20)
                    .minimumNumberOfCalls(10)
                    .failureRateThreshold(50)
                    .waitDurationInOpenState(settings.circuitOpenFor())
                    .recordException(AwsCallGuard::isAwsFailure)
                    .build()));
  }
}
