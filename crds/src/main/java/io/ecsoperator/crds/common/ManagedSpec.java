package io.ecsoperator.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Map;

/**
 * Fields every kind shares (DESIGN §4). Each concrete spec repeats the region immutability rule,
 * because CEL rules on a class are not inherited by the CRD generator.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class ManagedSpec {

  /** CEL rule keeping region immutable; each concrete spec class carries it. */
  public static final String REGION_IMMUTABLE_RULE =
      "has(self.region) == has(oldSelf.region) && (!has(self.region) || self.region =="
          + " oldSelf.region)";

  /** AWS's 50 tags per resource, less the ownership tags the operator adds. */
  public static final int MAX_USER_TAGS = 48;

  @JsonPropertyDescription(
      "AWS region of the resource, e.g. eu-west-1. Defaults to the operator's region. Immutable.")
  @Pattern("^[a-z]{2}(-[a-z]+)+-[0-9]+$")
  public String region;

  @JsonPropertyDescription(
      "The AwsAccount (cluster-scoped) to act in; it must allow this object's namespace. Defaults"
          + " to the account the namespace is bound to (label ecsoperator.io/aws-account), else"
          + " the operator's own identity. Immutable.")
  @Size(min = 1, max = 253)
  @ValidationRule(value = "self == oldSelf", message = "awsAccount is immutable")
  public String awsAccount;

  @JsonPropertyDescription(
      "Delete (default) deletes the AWS resource with the object; Retain keeps it in AWS.")
  @Default("Delete")
  public DeletionPolicy deletionPolicy;

  @JsonPropertyDescription(
      "Manage (default) makes AWS match the spec; ObserveOnly only reads AWS and reports drift in"
          + " status, never writing.")
  @Default("Manage")
  public ManagementPolicy managementPolicy;

  @JsonPropertyDescription(
      "Take over an existing AWS resource of this name that no object owns. Without it, an"
          + " existing unowned resource stops reconciliation with reason AlreadyExists.")
  @Default("false")
  public Boolean adopt;

  @JsonPropertyDescription(
      "Tags of the AWS resource, as a map. Keys starting with 'aws:' (in any case) or"
          + " 'ecsoperator.io/' are reserved. At most 48: AWS allows 50 per resource and the"
          + " operator adds its two ownership tags.")
  @Size(max = MAX_USER_TAGS)
  @ValidationRule(
      value = "self.all(k, !k.lowerAscii().startsWith('aws:') && !k.startsWith('ecsoperator.io/'))",
      message = "tag keys starting with 'aws:' or 'ecsoperator.io/' are reserved")
  @ValidationRule(
      value = "self.all(k, size(k) <= 128 && size(self[k]) <= 256)",
      message = "tag keys are at most 128 characters and values at most 256")
  public Map<String, String> tags;

  public boolean observeOnly() {
    return managementPolicy == ManagementPolicy.ObserveOnly;
  }

  public boolean retainOnDelete() {
    return deletionPolicy == DeletionPolicy.Retain;
  }

  public boolean adoptExisting() {
    return Boolean.TRUE.equals(adopt);
  }

  public Map<String, String> tagsOrEmpty() {
    return tags == null ? Map.of() : tags;
  }
}
