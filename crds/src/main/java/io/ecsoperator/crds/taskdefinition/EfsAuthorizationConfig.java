package io.ecsoperator.crds.taskdefinition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

/** Access point and IAM authorization for an EFS volume. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EfsAuthorizationConfig {

  /** Whether the task role is used to mount the file system. */
  public enum Iam {
    ENABLED,
    DISABLED
  }

  @JsonPropertyDescription(
      "EFS access point ID; with it, rootDirectory must be omitted or '/' and transitEncryption"
          + " ENABLED.")
  @Size(min = 1, max = 255)
  public String accessPointId;

  @JsonPropertyDescription(
      "ENABLED mounts with the task role (needs transitEncryption ENABLED); DISABLED (default).")
  public Iam iam;
}
