package io.ecsoperator.reconcilers.registry;

import io.ecsoperator.crds.common.ManagedSpec;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.contract.KindFixture;
import java.util.Map;
import java.util.Optional;

/**
 * A registry-wide setting in the contract: always there, no name to be taken, no tags; "exists"
 * means "is not AWS's default". A setting equal to the spec is the spec's (there is nothing to
 * adopt), so {@link #createOutsideTheOperator} writes another setting than the spec's: the one a
 * user or another tool would have left.
 *
 * @param <S> the kind's spec
 * @param <C> the kind's normalized form of the setting
 */
public abstract class RegistrySettingFixture<S extends ManagedSpec, C>
    implements KindFixture<S, RegistrySetting<C>> {

  /** Whether the region's setting is AWS's default. */
  protected abstract boolean isDefaultInAws(AwsClients aws);

  /** No tags ever: present (empty) while the setting is not AWS's default. */
  @Override
  public Optional<Map<String, String>> tagsInAws(AwsClients aws) {
    return isDefaultInAws(aws) ? Optional.empty() : Optional.of(Map.of());
  }

  @Override
  public boolean createCanFindTheNameTaken() {
    return false;
  }

  @Override
  public boolean ownedByTags() {
    return false;
  }
}
