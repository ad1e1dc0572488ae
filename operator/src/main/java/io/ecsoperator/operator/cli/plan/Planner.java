package io.ecsoperator.operator.cli.plan;

import io.ecsoperator.crds.common.ManagedSpec;
import io.ecsoperator.operator.account.AccountClients;
import io.ecsoperator.operator.cli.kind.ResolvedReferences;
import io.ecsoperator.operator.cli.manifest.Manifest;
import io.ecsoperator.operator.cli.manifest.ResourceGraph;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.ecsoperator.reconcilers.engine.ClassifiedError;
import io.ecsoperator.reconcilers.engine.Decision;
import io.ecsoperator.reconcilers.engine.ErrorClassifier;
import io.ecsoperator.reconcilers.engine.Observation;
import io.ecsoperator.reconcilers.engine.TerminalException;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Works out what apply would do, reading AWS only: each object's adapter observes (observe never
 * writes, by the adapter contract) and the engine's own {@link Decision} says what would follow.
 */
public final class Planner {

  private final AccountClients accounts;

  /**
   * @param accounts the caller's clients, and those of the AwsAccounts objects name
   */
  public Planner(AccountClients accounts) {
    this.accounts = accounts;
  }

  /** One entry per object, in dependency order. */
  public List<PlanEntry> plan(ResourceGraph graph) {
    Map<Manifest<?, ?, ?>, ResolvedReferences.Target> observed = new IdentityHashMap<>();
    List<PlanEntry> entries = new ArrayList<>();
    for (Manifest<?, ?, ?> manifest : graph.ordered()) {
      entries.add(planOne(manifest, graph, observed));
    }
    return entries;
  }

  private <R extends CustomResource<S, ?>, S extends ManagedSpec, A> PlanEntry planOne(
      Manifest<R, S, A> manifest,
      ResourceGraph graph,
      Map<Manifest<?, ?, ?>, ResolvedReferences.Target> observed) {
    AwsClientFactory aws = accounts.of(graph.account(manifest));
    PlanEntry.Identity identity = identity(manifest, aws);
    try {
      Observation<A> observation =
          manifest
              .adapter(aws, graph.resolve(manifest, observed::get))
              .observe(manifest.ref(), manifest.spec());
      Decision decision = Decision.of(manifest.spec(), observation);
      observed.put(
          manifest,
          new ResolvedReferences.Target(
              manifest.resource(), observation.actual(), pending(decision, observation)));
      return PlanEntry.of(identity, decision, observation);
    } catch (TerminalException e) {
      // Only a change of the files helps, e.g. a task definition that AWS does not have.
      return identity.entry(PlanAction.BLOCKED, false, e.reason(), e.getMessage(), List.of());
    } catch (RuntimeException e) {
      ClassifiedError error = ErrorClassifier.classify(e);
      return identity.entry(PlanAction.ERROR, false, error.reason(), error.message(), List.of());
    }
  }

  /** What apply would change in the object: the objects referring to it see its changes. */
  private static ChangeSet pending(Decision decision, Observation<?> observation) {
    return decision.action() == Decision.Action.CREATE
            || decision.action() == Decision.Action.UPDATE
        ? observation.changes()
        : ChangeSet.NONE;
  }

  private static PlanEntry.Identity identity(Manifest<?, ?, ?> manifest, AwsClientFactory aws) {
    String region = manifest.spec().region;
    return new PlanEntry.Identity(
        manifest.kind().kind(),
        manifest.namespace(),
        manifest.name(),
        manifest.describe(),
        region == null ? aws.defaultRegion() : region);
  }
}
