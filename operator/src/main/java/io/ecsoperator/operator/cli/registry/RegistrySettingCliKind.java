package io.ecsoperator.operator.cli.registry;

import io.ecsoperator.crds.common.ManagedSpec;
import io.ecsoperator.crds.common.RegistrySettingStatus;
import io.ecsoperator.operator.cli.imports.ImportContext;
import io.ecsoperator.operator.cli.imports.Importers;
import io.ecsoperator.operator.cli.kind.CliKind;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.registry.RegistrySetting;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.List;
import java.util.Map;

/**
 * A registry-wide setting in the CLI: one object per region (the manifest loader refuses a second),
 * no ARN, and {@code import --registry} writes it unless it is AWS's default.
 *
 * @param <R> the custom resource
 * @param <S> its spec
 * @param <C> the kind's normalized form of the setting
 */
public abstract class RegistrySettingCliKind<
        R extends CustomResource<S, RegistrySettingStatus>, S extends ManagedSpec, C>
    implements CliKind<R, S, RegistrySetting<C>>, Importers.RegistryImporter {

  /** What the setting is, in words, e.g. {@code replication configuration}. */
  protected abstract String settingName();

  /** Reads the setting of the region. */
  protected abstract RegistrySetting<C> read(AwsClients clients);

  protected abstract boolean isDefault(C configuration);

  /** The spec that declares the setting, AWS's defaults left out. */
  protected abstract S spec(C configuration);

  protected abstract R newResource();

  @Override
  public String describe(R resource) {
    String region = resource.getSpec() == null ? null : resource.getSpec().region;
    return settingName()
        + " of the registry in "
        + (region == null ? "the default region" : region);
  }

  /** A registry setting has no ARN. */
  @Override
  public String arn(RegistrySetting<C> actual) {
    return null;
  }

  /** The one setting of the region, under its kind's name, unless it is AWS's default. */
  @Override
  public List<String> registryNames(ImportContext context) {
    return isDefault(read(context.clients()).configuration()) ? List.of() : List.of(importName());
  }

  @Override
  public R importResource(ImportContext context, String awsName) {
    C configuration = read(context.clients()).configuration();
    if (isDefault(configuration)) {
      return null;
    }
    R resource = newResource();
    resource.setMetadata(context.newMetadata(kind(), importName(), Map.of()));
    S spec = spec(configuration);
    spec.adopt = true;
    spec.region = context.specRegion();
    resource.setSpec(spec);
    return resource;
  }

  /** The name the imported object gets: the setting's name, e.g. replication-configuration. */
  private String importName() {
    return settingName().replace(' ', '-');
  }
}
