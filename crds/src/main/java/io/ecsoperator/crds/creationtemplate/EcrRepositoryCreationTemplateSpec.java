package io.ecsoperator.crds.creationtemplate;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import io.ecsoperator.crds.common.ManagedSpec;
import io.ecsoperator.crds.common.PolicyDocumentSchema;
import io.ecsoperator.crds.ecr.EncryptionConfiguration;
import io.ecsoperator.crds.ecr.ImageTagMutability;
import io.ecsoperator.crds.ecr.ImageTagMutabilityExclusionFilter;
import io.ecsoperator.crds.ecr.LifecyclePolicy;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import java.util.Map;

/**
 * Desired state of a repository creation template; field names follow
 * CreateRepositoryCreationTemplate, with the lifecycle and repository policies in the structured
 * form of EcrRepository. Every field but the prefix can change.
 */
@ValidationRule(value = ManagedSpec.REGION_IMMUTABLE_RULE, message = "region is immutable")
@ValidationRule(value = "self.prefix == oldSelf.prefix", message = "prefix is immutable")
@ValidationRule(
    value = ImageTagMutability.EXCLUSION_FILTERS_RULE,
    message = ImageTagMutability.EXCLUSION_FILTERS_MESSAGE,
    fieldPath = ".imageTagMutabilityExclusionFilters")
@ValidationRule(
    value = "!has(self.tags)",
    message =
        "tags are not supported: ECR keeps no tags on a repository creation template; use"
            + " resourceTags for the repositories it creates",
    fieldPath = ".tags")
public class EcrRepositoryCreationTemplateSpec extends ManagedSpec {

  @JsonPropertyDescription(
      "Repository name prefix the template applies to, e.g. team-a/ (a repository team-a/web"
          + " gets it), or ROOT for every repository no other template matches. Immutable.")
  @Required
  @Size(min = 1, max = 256)
  @Pattern("^((?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*/?|ROOT)$")
  public String prefix;

  @JsonPropertyDescription("What the template is for.")
  @Size(max = 256)
  public String description;

  @JsonPropertyDescription(
      "When ECR uses the template: CREATE_ON_PUSH (a push to a repository that does not exist"
          + " creates it), PULL_THROUGH_CACHE, REPLICATION.")
  @Required
  @Size(min = 1, max = 3)
  @ValidationRule(
      value = "self.all(a, self.exists_one(o, o == a))",
      message = "appliedFor must not repeat a value")
  public List<AppliedFor> appliedFor;

  @JsonPropertyDescription(
      "Encryption of the repositories created; AES256 when omitted. A KMS key must be given as"
          + " its full ARN.")
  public EncryptionConfiguration encryptionConfiguration;

  @JsonPropertyDescription(
      "Tag mutability of the repositories created: MUTABLE (AWS default), IMMUTABLE,"
          + " MUTABLE_WITH_EXCLUSION or IMMUTABLE_WITH_EXCLUSION.")
  public ImageTagMutability imageTagMutability;

  @JsonPropertyDescription(
      "Tags exempt from imageTagMutability; required with the *_WITH_EXCLUSION modes.")
  @Size(min = 1, max = 5)
  public List<ImageTagMutabilityExclusionFilter> imageTagMutabilityExclusionFilters;

  @JsonPropertyDescription(
      "Lifecycle rules of the repositories created, as in EcrRepository. When omitted, AWS's"
          + " policy is left as it is; an empty rules list removes it.")
  public LifecyclePolicy lifecyclePolicy;

  @JsonPropertyDescription(
      "Repository policy of the repositories created, as a YAML IAM policy document. When"
          + " omitted, AWS's policy is left as it is; an empty Statement list removes it.")
  @SchemaFrom(type = PolicyDocumentSchema.class)
  public JsonNode repositoryPolicy;

  @JsonPropertyDescription("Tags given to the repositories created, as a map.")
  @Size(max = 50)
  public Map<String, String> resourceTags;

  @JsonPropertyDescription(
      "ARN of the IAM role ECR assumes to create repositories with this template (needed for"
          + " resourceTags and KMS encryption); in this registry's account.")
  @Pattern("^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$")
  @Size(max = 2048)
  public String customRoleArn;
}
