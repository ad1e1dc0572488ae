package io.ecsoperator.crds.ecr;

import com.fasterxml.jackson.annotation.JsonProperty;

/** ECR image storage classes. */
public enum StorageClass {
  @JsonProperty("standard")
  STANDARD,
  @JsonProperty("archive")
  ARCHIVE
}
