package io.ecsoperator.crds.account;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ecsoperator.crds.common.ConditionedStatus;

/** What the operator verified of the account: who it is once the role is assumed. */
public class AwsAccountStatus extends ConditionedStatus {

  @JsonPropertyDescription(
      "The AWS account ID the assumed role acts in, as STS GetCallerIdentity reports it.")
  public String accountId;

  @JsonPropertyDescription("The ARN of the assumed-role session (GetCallerIdentity).")
  public String callerArn;
}
