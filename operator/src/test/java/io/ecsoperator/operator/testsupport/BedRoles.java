package io.ecsoperator.operator.testsupport;

import io.ecsoperator.testsupport.TestBed;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * IAM roles in the bed's other AWS accounts, made as their administrators would, for AwsAccounts to
 * assume: trusting the account the operator's (and the CLI's) own credentials act in.
 */
public final class BedRoles {

  /** The account the bed's own credentials act in (moto's default). */
  public static final String OPERATOR_ACCOUNT = "123456789012";

  private BedRoles() {}

  /**
   * Makes the role and returns its ARN.
   *
   * @param externalId the external ID its trust policy asks for; null for none
   */
  public static String create(TestBed bed, String account, String role, String externalId) {
    String condition =
        externalId == null
            ? ""
            : ", \"Condition\": {\"StringEquals\": {\"sts:ExternalId\": \"" + externalId + "\"}}";
    String trust =
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\":"
            + " {\"AWS\": \"arn:aws:iam::"
            + OPERATOR_ACCOUNT
            + ":root\"}, \"Action\": \"sts:AssumeRole\""
            + condition
            + "}]}";
    try (IamClient iam =
        IamClient.builder()
            .region(Region.AWS_GLOBAL)
            .endpointOverride(bed.awsEndpoint())
            .credentialsProvider(bed.credentialsIn(account))
            .build()) {
      return iam.createRole(r -> r.roleName(role).assumeRolePolicyDocument(trust)).role().arn();
    }
  }
}
