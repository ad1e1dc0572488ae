package io.ecsoperator.crds.registryscanning;

import io.ecsoperator.crds.common.ManagedStatus;
import io.ecsoperator.crds.common.RegistrySettingStatus;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.Default;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * The image scanning configuration of the private ECR registry of one account and region: one
 * object per registry owns it.
 */
@Group("ecsoperator.io")
@Version("v1alpha1")
@Plural("ecrregistryscanningconfigurations")
@ShortNames("ecrscanning")
@AdditionalPrinterColumn(
    name = "Registry",
    jsonPath = ".status.registryId",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
public class EcrRegistryScanningConfiguration
    extends CustomResource<EcrRegistryScanningConfigurationSpec, RegistrySettingStatus>
    implements Namespaced {

  @Override
  @Default(ManagedStatus.NOT_SEEN)
  public RegistrySettingStatus getStatus() {
    return super.getStatus();
  }
}
