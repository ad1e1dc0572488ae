package io.ecsoperator.crds.ecr;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import io.ecsoperator.crds.common.ManagedSpec;
import io.ecsoperator.crds.common.PolicyDocumentSchema;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** Desired state of an ECR repository; field names follow the ECR API. */
@ValidationRule(value = ManagedSpec.REGION_IMMUTABLE_RULE, message = "region is immutable")
@ValidationRule(
    value =
        "has(self.repositoryName) == has(oldSelf.repositoryName) && (!has(self.repositoryName)"
            + " || self.repositoryName == oldSelf.repositoryName)",
    message = "repositoryName is immutable")
@ValidationRule(
    value =
        "has(self.encryptionConfiguration) == has(oldSelf.encryptionConfiguration) &&"
            + " (!has(self.encryptionConfiguration) || self.encryptionConfiguration =="
            + " oldSelf.encryptionConfiguration)",
    message = "encryptionConfiguration is immutable: ECR fixes it when the repository is created")
@ValidationRule(
    value = ImageTagMutability.EXCLUSION_FILTERS_RULE,
    message = ImageTagMutability.EXCLUSION_FILTERS_MESSAGE,
    fieldPath = ".imageTagMutabilityExclusionFilters")
public class EcrRepositorySpec extends ManagedSpec {

  @JsonPropertyDescription(
      "Name of the repository, optionally with namespaces (team/web). Defaults to"
          + " metadata.name. Immutable.")
  @Size(min = 2, max = 256)
  @Pattern("^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$")
  public String repositoryName;

  @JsonPropertyDescription(
      "MUTABLE (AWS default), IMMUTABLE, MUTABLE_WITH_EXCLUSION or IMMUTABLE_WITH_EXCLUSION.")
  public ImageTagMutability imageTagMutability;

  @JsonPropertyDescription(
      "Tags exempt from imageTagMutability; required with the *_WITH_EXCLUSION modes.")
  @Size(min = 1, max = 5)
  public List<ImageTagMutabilityExclusionFilter> imageTagMutabilityExclusionFilters;

  @JsonPropertyDescription("Basic scanning settings of the repository.")
  public ImageScanningConfiguration imageScanningConfiguration;

  @JsonPropertyDescription(
      "Encryption at rest. AES256 when omitted. Immutable: ECR fixes it at creation.")
  public EncryptionConfiguration encryptionConfiguration;

  @JsonPropertyDescription(
      "Lifecycle rules that expire or archive images. When omitted, AWS's policy is left as it"
          + " is; an empty rules list removes it.")
  public LifecyclePolicy lifecyclePolicy;

  @JsonPropertyDescription(
      "Repository policy as a YAML IAM policy document (Version, Statement). When omitted,"
          + " AWS's policy is left as it is; an empty Statement list removes it.")
  @SchemaFrom(type = PolicyDocumentSchema.class)
  public JsonNode repositoryPolicy;

  @JsonPropertyDescription(
      "Allow deleting the repository while it still holds images. The operator never deletes"
          + " images otherwise.")
  @Default("false")
  public Boolean forceDelete;
}
