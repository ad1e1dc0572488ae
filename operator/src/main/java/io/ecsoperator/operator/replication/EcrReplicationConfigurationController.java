package io.ecsoperator.operator.replication;

import io.ecsoperator.crds.replication.EcrReplicationConfiguration;
import io.ecsoperator.crds.replication.EcrReplicationConfigurationSpec;
import io.ecsoperator.operator.controller.ControllerWiring;
import io.ecsoperator.operator.controller.RegistrySettingController;
import io.ecsoperator.reconcilers.replication.EcrReplicationConfigurationAdapter;
import io.ecsoperator.reconcilers.replication.ReplicationRules;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import java.util.List;

/** Reconciles EcrReplicationConfiguration objects. */
@ControllerConfiguration(name = "ecrreplicationconfiguration")
public final class EcrReplicationConfigurationController
    extends RegistrySettingController<
        EcrReplicationConfiguration, EcrReplicationConfigurationSpec, List<ReplicationRules.Rule>> {

  public EcrReplicationConfigurationController(ControllerWiring wiring) {
    super(wiring);
  }

  @Override
  protected EcrReplicationConfigurationAdapter adapter(EcrReplicationConfiguration resource) {
    return EcrReplicationConfigurationAdapters.forObject(aws(resource), resource);
  }
}
