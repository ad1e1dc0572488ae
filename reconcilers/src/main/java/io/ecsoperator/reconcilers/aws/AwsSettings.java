package io.ecsoperator.reconcilers.aws;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * How to reach AWS. In production everything comes from the SDK's default chains (environment,
 * profile, IRSA / Pod Identity; AWS_ENDPOINT_URL is honoured by the SDK itself); tests give a local
 * endpoint and static credentials.
 */
public record AwsSettings(
    Optional<URI> endpoint,
    AwsCredentialsProvider credentials,
    Region defaultRegion,
    GuardSettings guard) {

  public static AwsSettings fromEnvironment() {
    Region region;
    try {
      region = new DefaultAwsRegionProviderChain().getRegion();
    } catch (SdkClientException none) {
      throw new IllegalStateException(
          "no AWS region: set AWS_REGION (or a region in the AWS profile) for the operator's"
              + " default region",
          none);
    }
    return new AwsSettings(
        Optional.empty(),
        DefaultCredentialsProvider.builder().build(),
        region,
        GuardSettings.defaults());
  }

  /** The same AWS, reached with other credentials and another default region. */
  public AwsSettings with(AwsCredentialsProvider otherCredentials, Region otherDefaultRegion) {
    return new AwsSettings(endpoint, otherCredentials, otherDefaultRegion, guard);
  }

  public AwsSettings withGuard(GuardSettings newGuard) {
    return new AwsSettings(endpoint, credentials, defaultRegion, newGuard);
  }
}
