package io.ecsoperator.crds.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;

/** The role to assume (field names follow STS AssumeRole) and who may use the account. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.namespaces) || has(self.namespaceSelector)",
    message =
        "name the namespaces whose objects may act in this account: namespaces, namespaceSelector"
            + " or both")
public class AwsAccountSpec {

  @JsonPropertyDescription(
      "ARN of the IAM role to assume, e.g. arn:aws:iam::111122223333:role/ecs-operator. Its trust"
          + " policy must allow the operator's own identity (IRSA / Pod Identity).")
  @Required
  @Pattern("^arn:aws[a-z-]*:iam::[0-9]{12}:role/[\\w+=,.@/-]+$")
  public String roleArn;

  @JsonPropertyDescription(
      "External ID the role's trust policy requires (condition sts:ExternalId), if any.")
  @Size(min = 2, max = 1224)
  @Pattern("^[\\w+=,.@:/-]+$")
  public String externalId;

  @JsonPropertyDescription(
      "Name of the role session, seen in CloudTrail as the assumed-role ARN's last part.")
  @Default("ecs-operator")
  @Size(min = 2, max = 64)
  @Pattern("^[\\w+=,.@-]+$")
  public String sessionName;

  @JsonPropertyDescription(
      "How long each set of credentials lasts, in seconds (900 to 43200, at most the role's"
          + " maximum session duration); they are refreshed before they expire.")
  @Default("3600")
  @Min(900)
  @Max(43200)
  public Integer sessionDurationSeconds;

  @JsonPropertyDescription(
      "Region of objects acting in this account that name none; defaults to the operator's"
          + " region.")
  @Pattern("^[a-z]{2}(-[a-z]+)+-[0-9]+$")
  public String region;

  @JsonPropertyDescription("Namespaces whose objects may act in this account, by name.")
  @Size(max = 1000)
  public List<String> namespaces;

  @JsonPropertyDescription(
      "Namespaces whose objects may act in this account, by label; with namespaces, a namespace"
          + " either names is allowed.")
  public LabelSelector namespaceSelector;
}
