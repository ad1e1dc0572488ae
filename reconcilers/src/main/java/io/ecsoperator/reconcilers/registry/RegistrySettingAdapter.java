package io.ecsoperator.reconcilers.registry;

import io.ecsoperator.crds.common.ManagedSpec;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.ecsoperator.reconcilers.engine.CreateResult;
import io.ecsoperator.reconcilers.engine.DeleteOutcome;
import io.ecsoperator.reconcilers.engine.Observation;
import io.ecsoperator.reconcilers.engine.Ownership;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.engine.ResourceRef;

/**
 * The engine's contract for a registry-wide setting, which AWS keeps once per account and region,
 * always present, with no name and no tags. AWS's default stands for "no resource": a spec over it
 * is created, deleting puts the default back. A setting that is not the default and differs from
 * the spec is unowned (adopt: true takes it over) unless this object already owns it, which only
 * the object knows (its status): AWS has nowhere to keep an owner. A setting equal to the spec is
 * the spec's. Which object of the kind may act at all is decided before the engine runs, by the
 * operator or the CLI.
 *
 * @param <S> the kind's spec
 * @param <C> the kind's normalized form of the setting
 */
public abstract class RegistrySettingAdapter<S extends ManagedSpec, C>
    implements ResourceAdapter<S, RegistrySetting<C>> {

  private final AwsClientFactory aws;
  private final boolean owned;

  /**
   * @param owned whether this object already owns the setting (it matched the spec before), so any
   *     difference is drift to correct
   */
  protected RegistrySettingAdapter(AwsClientFactory aws, boolean owned) {
    this.aws = aws;
    this.owned = owned;
  }

  /** Reads the setting. */
  protected abstract RegistrySetting<C> read(AwsClients clients);

  /** The difference between the spec and the setting (pure). */
  protected abstract ChangeSet diff(S spec, C actual);

  /** Whether the setting is AWS's default, the setting of a registry nobody configured. */
  protected abstract boolean isDefault(C configuration);

  /** Writes the whole setting the spec declares (AWS's Put calls replace the setting). */
  protected abstract void put(AwsClients clients, S spec);

  /** Puts AWS's default back. */
  protected abstract void reset(AwsClients clients);

  /** Whether the setting is what the spec declares. */
  public boolean matches(S spec, RegistrySetting<C> actual) {
    return diff(spec, actual.configuration()).isEmpty();
  }

  @Override
  public Observation<RegistrySetting<C>> observe(ResourceRef ref, S spec) {
    RegistrySetting<C> actual = read(aws.forRegion(spec.region));
    ChangeSet changes = diff(spec, actual.configuration());
    if (owned || changes.isEmpty()) {
      return new Observation<>(actual, Ownership.OURS, changes);
    }
    if (isDefault(actual.configuration())) {
      return Observation.absent();
    }
    return new Observation<>(actual, Ownership.UNOWNED, changes);
  }

  @Override
  public CreateResult<RegistrySetting<C>> create(ResourceRef ref, S spec) {
    AwsClients clients = aws.forRegion(spec.region);
    put(clients, spec);
    return CreateResult.created(read(clients));
  }

  /** Nothing to mark in AWS: the object's status records that it owns the setting. */
  @Override
  public void adopt(ResourceRef ref, RegistrySetting<C> actual) {}

  @Override
  public RegistrySetting<C> update(
      ResourceRef ref, S spec, Observation<RegistrySetting<C>> observation) {
    AwsClients clients = aws.forRegion(spec.region);
    put(clients, spec);
    return read(clients);
  }

  @Override
  public DeleteOutcome delete(ResourceRef ref, S spec, RegistrySetting<C> actual) {
    if (!isDefault(actual.configuration())) {
      reset(aws.forRegion(spec.region));
    }
    return new DeleteOutcome(
        DeleteOutcome.Progress.DONE, "Reset", "the registry setting is back to AWS's default");
  }
}
