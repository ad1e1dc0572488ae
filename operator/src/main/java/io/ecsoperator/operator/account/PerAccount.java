package io.ecsoperator.operator.account;

import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One of something per AWS account (a batched reader, a sweep, a cache), made on first use from the
 * account's clients, so that objects of different accounts never share one.
 *
 * @param <T> what is kept per account
 */
public final class PerAccount<T> {

  // Keyed by the clients themselves: an account's clients are made once per role (AwsAccounts).
  private final Map<AwsClientFactory, T> byAccount = new ConcurrentHashMap<>();
  private final Function<AwsClientFactory, T> make;

  public PerAccount(Function<AwsClientFactory, T> make) {
    this.make = make;
  }

  public T of(AwsClientFactory aws) {
    return byAccount.computeIfAbsent(aws, make);
  }
}
