package io.ecsoperator.crds.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** ECS Exec settings of the cluster. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.logging) || self.logging != 'OVERRIDE' || has(self.logConfiguration)",
    message = "logConfiguration is required with logging OVERRIDE",
    fieldPath = ".logConfiguration")
public class ExecuteCommandConfiguration {

  /** Where the output of ECS Exec sessions goes. */
  public enum Logging {
    NONE,
    DEFAULT,
    OVERRIDE
  }

  @JsonPropertyDescription(
      "KMS key ID or ARN that encrypts the data between the local client and the container.")
  @Size(min = 1, max = 2048)
  public String kmsKeyId;

  @JsonPropertyDescription(
      "NONE (not logged), DEFAULT (the task definition's awslogs configuration; AWS's default)"
          + " or OVERRIDE (logConfiguration).")
  public Logging logging;

  @JsonPropertyDescription("Where session output goes with logging OVERRIDE.")
  public ExecuteCommandLogConfiguration logConfiguration;
}
