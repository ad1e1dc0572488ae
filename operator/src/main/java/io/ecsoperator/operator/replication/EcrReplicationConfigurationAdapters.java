package io.ecsoperator.operator.replication;

import io.ecsoperator.crds.replication.EcrReplicationConfiguration;
import io.ecsoperator.operator.controller.RegistrySettingController;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.replication.EcrReplicationConfigurationAdapter;

/** Builds the adapter of an EcrReplicationConfiguration, for the operator and the CLI alike. */
public final class EcrReplicationConfigurationAdapters {

  private EcrReplicationConfigurationAdapters() {}

  public static EcrReplicationConfigurationAdapter forObject(
      AwsClientFactory aws, EcrReplicationConfiguration resource) {
    return new EcrReplicationConfigurationAdapter(aws, RegistrySettingController.owns(resource));
  }
}
