package io.ecsoperator.crds.ecr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Encryption at rest; AWS fixes it when the repository is created. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.kmsKey) || self.encryptionType != 'AES256'",
    message = "kmsKey is only allowed with encryptionType KMS or KMS_DSSE",
    fieldPath = ".kmsKey")
public class EncryptionConfiguration {

  /** Encryption types ECR offers. */
  public enum EncryptionType {
    AES256,
    KMS,
    KMS_DSSE
  }

  @JsonPropertyDescription("AES256 (S3-managed keys), KMS or KMS_DSSE (dual-layer, with AWS KMS).")
  @Required
  public EncryptionType encryptionType;

  @JsonPropertyDescription(
      "KMS key ARN, ID or alias for KMS and KMS_DSSE; the AWS-managed key when omitted.")
  @Size(min = 1, max = 2048)
  public String kmsKey;
}
