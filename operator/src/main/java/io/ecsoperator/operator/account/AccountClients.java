package io.ecsoperator.operator.account;

import io.ecsoperator.crds.account.AwsAccount;
import io.ecsoperator.reconcilers.aws.AwsCallListener;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.RoleToAssume;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The AWS clients of each AwsAccount, made once per role from the caller's own clients and kept
 * while the role stays the same; the operator's and the CLI's alike.
 */
public final class AccountClients implements AutoCloseable {

  private record Made(RoleToAssume role, AwsClientFactory aws) {}

  private final AwsClientFactory own;
  private final Function<String, AwsCallListener> listenerFor;
  private final Map<String, Made> byAccount = new ConcurrentHashMap<>();
  private final List<AwsClientFactory> retired = new CopyOnWriteArrayList<>();

  /**
   * @param own the clients that assume the roles (the operator's or the CLI caller's identity)
   * @param listenerFor where the calls made in each account are reported, by account name
   */
  public AccountClients(AwsClientFactory own, Function<String, AwsCallListener> listenerFor) {
    this.own = own;
    this.listenerFor = listenerFor;
  }

  /** The caller's own clients, for objects that act in no AwsAccount. */
  public AwsClientFactory own() {
    return own;
  }

  /** The clients of the account; the caller's own for null. */
  public AwsClientFactory of(AwsAccount account) {
    if (account == null) {
      return own;
    }
    RoleToAssume role = AccountRules.role(account.getSpec());
    return byAccount
        .compute(
            account.getMetadata().getName(),
            (name, known) -> {
              if (known != null && known.role().equals(role)) {
                return known;
              }
              if (known != null) {
                // Calls may still be in flight on the old role's clients: closed at the end.
                retired.add(known.aws());
              }
              return new Made(role, own.assuming(role, listenerFor.apply(name)));
            })
        .aws();
  }

  /** Closes the accounts' clients; the caller's own stay open. */
  @Override
  public void close() {
    byAccount.values().forEach(made -> made.aws().close());
    retired.forEach(AwsClientFactory::close);
  }
}
