package io.ecsoperator.crds.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The cluster's execute command and managed storage configuration. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ClusterConfiguration {

  @JsonPropertyDescription("How ECS Exec sessions are encrypted and logged.")
  public ExecuteCommandConfiguration executeCommandConfiguration;

  @JsonPropertyDescription("KMS keys for the storage ECS manages for the cluster's tasks.")
  public ManagedStorageConfiguration managedStorageConfiguration;
}
