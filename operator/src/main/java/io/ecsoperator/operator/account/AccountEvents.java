package io.ecsoperator.operator.account;

import io.ecsoperator.crds.common.ManagedSpec;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;

/**
 * Reconciles a kind's objects when the account they act in changes: their AwsAccount (verified,
 * refused, allowing other namespaces, gone) or their namespace's binding or labels. The AwsAccount
 * and namespace caches are shared by all kinds ({@link AwsAccounts}); this only maps a change to
 * the kind's objects it concerns.
 *
 * @param <P> the kind
 */
public final class AccountEvents<P extends CustomResource<? extends ManagedSpec, ?>>
    implements AwsAccounts.Change {

  private final SimpleInboundEventSource<P> source = new SimpleInboundEventSource<>("awsaccounts");
  private final AwsAccounts accounts;
  private final EventSourceContext<P> context;

  private AccountEvents(AwsAccounts accounts, EventSourceContext<P> context) {
    this.accounts = accounts;
    this.context = context;
  }

  /** The event source of a kind's controller, told of every later change. */
  public static <P extends CustomResource<? extends ManagedSpec, ?>> EventSource<?, P> of(
      AwsAccounts accounts, EventSourceContext<P> context) {
    AccountEvents<P> events = new AccountEvents<>(accounts, context);
    accounts.subscribe(events);
    return events.source;
  }

  @Override
  public void account(String name) {
    if (!started()) {
      return;
    }
    context
        .getPrimaryCache()
        .list()
        .filter(object -> name.equals(accounts.accountOf(object, object.getSpec().awsAccount)))
        .forEach(this::reconcile);
  }

  @Override
  public void namespace(String name) {
    if (!started()) {
      return;
    }
    context.getPrimaryCache().list(name).forEach(this::reconcile);
  }

  /**
   * Whether the kind's event sources run: JOSDK starts the primary cache before them. A change
   * before then needs no event, as the primary informer's first sync reconciles every object.
   */
  private boolean started() {
    return source.isRunning();
  }

  private void reconcile(P object) {
    source.propagateEvent(ResourceID.fromResource(object));
  }
}
