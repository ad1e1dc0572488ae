package io.ecsoperator.crds.account;

import io.ecsoperator.crds.common.ConditionedStatus;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.Default;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * An AWS account the operator acts in by assuming a role, and the namespaces whose objects may act
 * there. Cluster-scoped: the platform team owns it, tenants only name it (issue 13 §1).
 */
@Group("ecsoperator.io")
@Version("v1alpha1")
@Plural("awsaccounts")
@ShortNames("awsaccount")
@AdditionalPrinterColumn(
    name = "Account",
    jsonPath = ".status.accountId",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Role",
    jsonPath = ".spec.roleArn",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
public class AwsAccount extends CustomResource<AwsAccountSpec, AwsAccountStatus> {

  /**
   * The namespace label (or annotation) a platform team sets to bind a namespace to an account: its
   * objects then act there, unless they name another account the account allows.
   */
  public static final String NAMESPACE_LABEL = "ecsoperator.io/aws-account";

  @Override
  @Default(ConditionedStatus.NOT_SEEN)
  public AwsAccountStatus getStatus() {
    return super.getStatus();
  }
}
