package io.ecsoperator.crds.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** CloudWatch Logs and S3 destinations of ECS Exec session output. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.s3KeyPrefix) || has(self.s3BucketName)",
    message = "s3KeyPrefix needs s3BucketName",
    fieldPath = ".s3KeyPrefix")
public class ExecuteCommandLogConfiguration {

  @JsonPropertyDescription("CloudWatch log group to send session output to; it must exist.")
  @Size(min = 1, max = 512)
  public String cloudWatchLogGroupName;

  @JsonPropertyDescription("Encrypt the CloudWatch logs. Off when omitted.")
  public Boolean cloudWatchEncryptionEnabled;

  @JsonPropertyDescription("S3 bucket to send session output to; it must exist.")
  @Size(min = 3, max = 63)
  public String s3BucketName;

  @JsonPropertyDescription("Encrypt the S3 logs. Off when omitted.")
  public Boolean s3EncryptionEnabled;

  @JsonPropertyDescription("Folder in the S3 bucket for the logs.")
  @Size(max = 1024)
  public String s3KeyPrefix;
}
