package io.ecsoperator.operator.cli.manifest;

import io.ecsoperator.crds.account.AwsAccount;
import io.ecsoperator.operator.account.AccountRules;
import io.ecsoperator.operator.cli.kind.CliKinds;
import io.ecsoperator.operator.cli.kind.Reference;
import io.ecsoperator.operator.cli.kind.ResolvedReferences;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * The objects of the files with their references resolved among them (clusterRef, taskDefinitionRef
 * ...), in the order AWS needs: an object after everything it references, and otherwise by kind
 * (repositories, clusters, task definitions, services) and then as written.
 */
public final class ResourceGraph {

  private final List<Manifest<?, ?, ?>> ordered;
  private final Map<Manifest<?, ?, ?>, Map<String, Manifest<?, ?, ?>>> targets;
  private final Map<String, AwsAccount> accounts;

  private ResourceGraph(
      List<Manifest<?, ?, ?>> ordered,
      Map<Manifest<?, ?, ?>, Map<String, Manifest<?, ?, ?>>> targets,
      Map<String, AwsAccount> accounts) {
    this.ordered = List.copyOf(ordered);
    this.targets = targets;
    this.accounts = Map.copyOf(accounts);
  }

  /**
   * @param accounts the AwsAccounts of the files, by name
   * @param kinds the dependency order of the kinds, which orders objects no reference orders
   * @throws InvalidManifestsException when a reference names no object of the files, references go
   *     round in a circle, or an object names an AwsAccount the files lack or that does not allow
   *     its namespace
   */
  public static ResourceGraph of(
      List<Manifest<?, ?, ?>> manifests, Map<String, AwsAccount> accounts, CliKinds kinds) {
    Map<String, Manifest<?, ?, ?>> byId = new HashMap<>();
    manifests.forEach(m -> byId.put(m.id(), m));
    Map<Manifest<?, ?, ?>, Map<String, Manifest<?, ?, ?>>> targets = new IdentityHashMap<>();
    List<String> errors = new ArrayList<>();
    for (Manifest<?, ?, ?> manifest : manifests) {
      Map<String, Manifest<?, ?, ?>> resolved = new LinkedHashMap<>();
      for (Reference reference : manifest.references()) {
        String name = manifest.referencedName(reference.field());
        if (name == null) {
          continue;
        }
        Manifest<?, ?, ?> target =
            byId.get(reference.kind() + " " + manifest.namespace() + "/" + name);
        if (target == null) {
          errors.add(
              manifest.source()
                  + " ("
                  + manifest.id()
                  + "): spec."
                  + reference.field()
                  + ".name: no "
                  + reference.kind()
                  + " named \""
                  + name
                  + "\" in namespace "
                  + manifest.namespace()
                  + " among the files");
        } else {
          resolved.put(reference.field(), target);
        }
      }
      targets.put(manifest, resolved);
      accountProblem(manifest, accounts).ifPresent(errors::add);
    }
    if (!errors.isEmpty()) {
      throw new InvalidManifestsException(errors);
    }
    return new ResourceGraph(order(manifests, targets, kinds), targets, accounts);
  }

  /**
   * Why an object may not act in the AwsAccount it names. The CLI reads no namespaces, so an
   * account must allow the object's namespace by name (spec.namespaces), and namespace bindings by
   * label do not apply: an object acts in the account it names, else with the caller's identity.
   */
  private static Optional<String> accountProblem(
      Manifest<?, ?, ?> manifest, Map<String, AwsAccount> accounts) {
    String named = manifest.spec().awsAccount;
    if (named == null) {
      return Optional.empty();
    }
    String where = manifest.source() + " (" + manifest.id() + "): spec.awsAccount: ";
    AwsAccount account = accounts.get(named);
    if (account == null) {
      return Optional.of(
          where
              + "no AwsAccount named \""
              + named
              + "\" among the files (kubectl get awsaccount "
              + named
              + " -o yaml gives it)");
    }
    if (!AccountRules.allows(account.getSpec(), manifest.namespace(), Map.of())) {
      return Optional.of(
          where
              + "AwsAccount "
              + named
              + " does not allow namespace "
              + manifest.namespace()
              + " (the CLI reads no namespace labels: only spec.namespaces counts)");
    }
    return Optional.empty();
  }

  /** The AwsAccount the object acts in; null for the caller's own identity. */
  public AwsAccount account(Manifest<?, ?, ?> manifest) {
    String named = manifest.spec().awsAccount;
    return named == null ? null : accounts.get(named);
  }

  /** Kahn's algorithm, taking among the objects that are free the first by kind, then as read. */
  private static List<Manifest<?, ?, ?>> order(
      List<Manifest<?, ?, ?>> manifests,
      Map<Manifest<?, ?, ?>, Map<String, Manifest<?, ?, ?>>> targets,
      CliKinds kinds) {
    Map<Manifest<?, ?, ?>, Integer> position = new IdentityHashMap<>();
    Map<Manifest<?, ?, ?>, Integer> waitingFor = new IdentityHashMap<>();
    Map<Manifest<?, ?, ?>, List<Manifest<?, ?, ?>>> dependents = new IdentityHashMap<>();
    for (int i = 0; i < manifests.size(); i++) {
      Manifest<?, ?, ?> m = manifests.get(i);
      position.put(m, i);
      waitingFor.put(m, targets.get(m).size());
      targets
          .get(m)
          .values()
          .forEach(t -> dependents.computeIfAbsent(t, k -> new ArrayList<>()).add(m));
    }
    PriorityQueue<Manifest<?, ?, ?>> free =
        new PriorityQueue<>(
            Comparator.<Manifest<?, ?, ?>>comparingInt(m -> kinds.rank(m.kind().kind()))
                .thenComparing(position::get));
    manifests.stream().filter(m -> waitingFor.get(m) == 0).forEach(free::add);
    List<Manifest<?, ?, ?>> ordered = new ArrayList<>();
    while (!free.isEmpty()) {
      Manifest<?, ?, ?> next = free.poll();
      ordered.add(next);
      for (Manifest<?, ?, ?> dependent : dependents.getOrDefault(next, List.of())) {
        if (waitingFor.merge(dependent, -1, Integer::sum) == 0) {
          free.add(dependent);
        }
      }
    }
    if (ordered.size() < manifests.size()) {
      List<String> errors = new ArrayList<>();
      manifests.stream()
          .filter(m -> waitingFor.get(m) > 0)
          .forEach(m -> errors.add(m.source() + " (" + m.id() + "): its references form a cycle"));
      throw new InvalidManifestsException(errors);
    }
    return ordered;
  }

  /** Every object, dependencies first. */
  public List<Manifest<?, ?, ?>> ordered() {
    return ordered;
  }

  /** The objects this one references. */
  public List<Manifest<?, ?, ?>> dependencies(Manifest<?, ?, ?> manifest) {
    return List.copyOf(targets.get(manifest).values());
  }

  /**
   * The references of one object, with what is known of each target in AWS so far.
   *
   * @param known what this run knows of an object; null when it has not read it
   */
  public ResolvedReferences resolve(
      Manifest<?, ?, ?> manifest, Function<Manifest<?, ?, ?>, ResolvedReferences.Target> known) {
    Map<String, ResolvedReferences.Target> resolved = new LinkedHashMap<>();
    targets
        .get(manifest)
        .forEach(
            (field, target) -> {
              ResolvedReferences.Target found = known.apply(target);
              resolved.put(
                  field,
                  found != null ? found : ResolvedReferences.Target.unknown(target.resource()));
            });
    return new ResolvedReferences(resolved);
  }
}
