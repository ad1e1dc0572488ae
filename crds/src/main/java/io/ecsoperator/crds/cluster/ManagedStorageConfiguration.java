package io.ecsoperator.crds.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

/** KMS keys for storage that ECS manages for the cluster's tasks. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ManagedStorageConfiguration {

  @JsonPropertyDescription(
      "KMS key ID or ARN (a single-Region key) that encrypts the EBS volumes ECS attaches to"
          + " tasks.")
  @Size(min = 1, max = 2048)
  public String kmsKeyId;

  @JsonPropertyDescription(
      "KMS key ID or ARN (a single-Region key) that encrypts Fargate ephemeral storage.")
  @Size(min = 1, max = 2048)
  public String fargateEphemeralStorageKmsKeyId;
}
