package io.ecsoperator.crds.taskdefinition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** An Amazon EFS file system mounted as a volume. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EfsVolumeConfiguration {

  /** Encryption in transit between the task and EFS. */
  public enum TransitEncryption {
    ENABLED,
    DISABLED
  }

  @JsonPropertyDescription("ID of the EFS file system, e.g. fs-0123456789abcdef0.")
  @Required
  @Size(min = 1, max = 255)
  public String fileSystemId;

  @JsonPropertyDescription("Directory of the file system mounted as the root ('/' by default).")
  @Size(min = 1, max = 4096)
  public String rootDirectory;

  @JsonPropertyDescription("ENABLED or DISABLED (default); ENABLED is needed with IAM.")
  public TransitEncryption transitEncryption;

  @JsonPropertyDescription(
      "Port for encrypted traffic to EFS; the EFS mount helper's choice when omitted.")
  @Min(0)
  @Max(65535)
  public Integer transitEncryptionPort;

  @JsonPropertyDescription("Access point and IAM authorization.")
  public EfsAuthorizationConfig authorizationConfig;
}
