package io.ecsoperator.crds.ecr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** The images a lifecycle rule selects. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "self.tagStatus != 'tagged' || (has(self.tagPrefixList) && size(self.tagPrefixList) > 0)"
            + " || (has(self.tagPatternList) && size(self.tagPatternList) > 0)",
    message = "tagStatus tagged needs tagPrefixList or tagPatternList",
    fieldPath = ".tagStatus")
@ValidationRule(
    value = "self.tagStatus == 'tagged' || (!has(self.tagPrefixList) && !has(self.tagPatternList))",
    message = "tagPrefixList and tagPatternList are only allowed with tagStatus tagged",
    fieldPath = ".tagStatus")
@ValidationRule(
    value = "!has(self.tagPrefixList) || !has(self.tagPatternList)",
    message = "give tagPrefixList or tagPatternList, not both",
    fieldPath = ".tagPatternList")
@ValidationRule(
    value = "self.countType == 'imageCountMoreThan' ? !has(self.countUnit) : has(self.countUnit)",
    message =
        "countUnit is required with the time-based count types and forbidden with"
            + " imageCountMoreThan",
    fieldPath = ".countUnit")
@ValidationRule(
    value =
        "self.countType != 'sinceImageTransitioned' || (has(self.storageClass) &&"
            + " self.storageClass == 'archive')",
    message = "countType sinceImageTransitioned needs storageClass archive",
    fieldPath = ".storageClass")
public class LifecycleRuleSelection {

  /** Whether the rule looks at tagged images, untagged ones, or all. */
  public enum TagStatus {
    @JsonProperty("tagged")
    TAGGED,
    @JsonProperty("untagged")
    UNTAGGED,
    @JsonProperty("any")
    ANY
  }

  /** What the count limits: the number of images, or their age since an event. */
  public enum CountType {
    @JsonProperty("imageCountMoreThan")
    IMAGE_COUNT_MORE_THAN,
    @JsonProperty("sinceImagePushed")
    SINCE_IMAGE_PUSHED,
    @JsonProperty("sinceImagePulled")
    SINCE_IMAGE_PULLED,
    @JsonProperty("sinceImageTransitioned")
    SINCE_IMAGE_TRANSITIONED
  }

  /** Unit of the time-based count types. */
  public enum CountUnit {
    @JsonProperty("days")
    DAYS
  }

  @JsonPropertyDescription("tagged, untagged or any.")
  @Required
  public TagStatus tagStatus;

  @JsonPropertyDescription("Tag prefixes (tagged only); an image must match all of them.")
  @Size(min = 1, max = 100)
  public List<String> tagPrefixList;

  @JsonPropertyDescription(
      "Tag patterns with up to four '*' wildcards (tagged only); an image must match all.")
  @Size(min = 1, max = 100)
  public List<String> tagPatternList;

  @JsonPropertyDescription(
      "standard (default) or archive; archive is required for sinceImageTransitioned.")
  public StorageClass storageClass;

  @JsonPropertyDescription(
      "imageCountMoreThan, sinceImagePushed, sinceImagePulled or sinceImageTransitioned.")
  @Required
  public CountType countType;

  @JsonPropertyDescription("days; required with the time-based count types, else forbidden.")
  public CountUnit countUnit;

  @JsonPropertyDescription("The image count or the number of days.")
  @Required
  @Min(1)
  public Integer countNumber;
}
