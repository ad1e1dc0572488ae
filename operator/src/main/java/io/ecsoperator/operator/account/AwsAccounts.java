package io.ecsoperator.operator.account;

import io.ecsoperator.crds.account.AwsAccount;
import io.ecsoperator.crds.common.StatusCondition;
import io.ecsoperator.operator.controller.AccountRefusedException;
import io.ecsoperator.operator.controller.DependencyNotReadyException;
import io.ecsoperator.operator.controller.ReadyDependency;
import io.ecsoperator.operator.controller.StatusConditions;
import io.ecsoperator.reconcilers.aws.AwsCallListener;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The AWS accounts objects act in (issue 13 §1): the AwsAccount objects and the namespaces' account
 * bindings, watched once for all kinds, and one set of AWS clients per account, each with its own
 * assumed-role credentials, rate limiters, circuit breakers and connection pool. Objects acting in
 * no account use the operator's own clients.
 */
public final class AwsAccounts implements AutoCloseable {

  /** Told of a change that may move objects between accounts or let them act again. */
  public interface Change {
    /** The AwsAccount of this name changed (created, verified, edited, deleted). */
    void account(String name);

    /** The account binding of this namespace may have changed. */
    void namespace(String name);
  }

  private final AccountClients clients;
  private final List<Change> subscribers = new CopyOnWriteArrayList<>();
  private final SharedIndexInformer<AwsAccount> accounts;
  private final SharedIndexInformer<Namespace> namespaces;

  /**
   * Starts watching AwsAccount objects and namespaces; returns once both caches are filled.
   *
   * @param listenerFor where the calls made in each account are reported, by account name
   */
  public AwsAccounts(
      KubernetesClient client,
      AwsClientFactory own,
      Function<String, AwsCallListener> listenerFor) {
    this.clients = new AccountClients(own, listenerFor);
    this.accounts =
        client
            .resources(AwsAccount.class)
            .inform(handler(a -> tell(c -> c.account(name(a))), (before, after) -> true), 0);
    // Only a change of labels or of the binding annotation can change what a namespace may use.
    this.namespaces =
        client
            .namespaces()
            .inform(
                handler(
                    n -> tell(c -> c.namespace(name(n))),
                    (before, after) ->
                        !Objects.equals(labels(before), labels(after))
                            || !Objects.equals(
                                AccountRules.chosen(null, before),
                                AccountRules.chosen(null, after))),
                0);
  }

  /** Tells {@code change} of every later change. */
  public void subscribe(Change change) {
    subscribers.add(change);
  }

  /** The operator's own clients, for objects that act in no AwsAccount. */
  public AwsClientFactory own() {
    return clients.own();
  }

  /**
   * The default region of objects acting in the account: the AwsAccount's region, else the
   * operator's.
   *
   * @param account an AwsAccount's name; null for the operator's own identity
   */
  public String defaultRegion(String account) {
    AwsAccount known = account == null ? null : accounts.getStore().getByKey(account);
    return known == null || known.getSpec().region == null
        ? clients.own().defaultRegion()
        : known.getSpec().region;
  }

  /** The AwsAccount an object acts in (see {@link AccountRules#chosen}); null for none. */
  public String accountOf(HasMetadata object, String named) {
    return AccountRules.chosen(named, namespace(object.getMetadata().getNamespace()));
  }

  /**
   * The AWS clients an object acts with.
   *
   * @param named the AwsAccount the object's spec names; null for none
   * @throws DependencyNotReadyException while the account does not exist or is not verified yet
   * @throws AccountRefusedException when the account does not allow the object's namespace, or its
   *     role cannot be assumed
   */
  public AwsClientFactory clientsFor(HasMetadata object, String named) {
    String ns = object.getMetadata().getNamespace();
    String name = AccountRules.chosen(named, namespace(ns));
    if (name == null) {
      return clients.own();
    }
    AwsAccount account =
        Optional.ofNullable(accounts.getStore().getByKey(name))
            .orElseThrow(
                () -> new DependencyNotReadyException("AwsAccount " + name + " does not exist"));
    if (!allows(account, ns)) {
      throw new AccountRefusedException(
          "AccountNotAllowed",
          "AwsAccount "
              + name
              + " does not allow namespace "
              + ns
              + " (its spec.namespaces and spec.namespaceSelector); nothing was done in AWS");
    }
    StatusCondition stalled = StatusConditions.stalled(account.getStatus());
    if (stalled != null
        && "True".equals(stalled.status)
        && Objects.equals(stalled.observedGeneration, account.getMetadata().getGeneration())) {
      throw new AccountRefusedException(
          "AccountUnavailable", "AwsAccount " + name + ": " + stalled.message);
    }
    return clientsOf(ReadyDependency.require(Optional.of(account), "AwsAccount", name));
  }

  /** Whether the account lets objects of the namespace act in it. */
  public boolean allows(AwsAccount account, String namespace) {
    Namespace known = namespace(namespace);
    return AccountRules.allows(
        account.getSpec(), namespace, known == null ? null : known.getMetadata().getLabels());
  }

  /** The clients of an account, made once per role and kept while the role stays the same. */
  public AwsClientFactory clientsOf(AwsAccount account) {
    return clients.of(account);
  }

  private Namespace namespace(String name) {
    return name == null ? null : namespaces.getStore().getByKey(name);
  }

  private void tell(Consumer<Change> what) {
    subscribers.forEach(what);
  }

  private static String name(HasMetadata object) {
    return object.getMetadata().getName();
  }

  private static Map<String, String> labels(Namespace namespace) {
    return namespace.getMetadata().getLabels();
  }

  private static <T extends HasMetadata> ResourceEventHandler<T> handler(
      Consumer<T> changed, BiPredicate<T, T> matters) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T added) {
        changed.accept(added);
      }

      @Override
      public void onUpdate(T before, T after) {
        if (matters.test(before, after)) {
          changed.accept(after);
        }
      }

      @Override
      public void onDelete(T deleted, boolean unknownFinalState) {
        changed.accept(deleted);
      }
    };
  }

  @Override
  public void close() {
    accounts.close();
    namespaces.close();
    clients.close();
  }
}
