package io.ecsoperator.reconcilers.aws;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
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
    return new AwsSettings(
        Optional.empty(),
        DefaultCredentialsProvider.builder().build(),
        new DefaultAwsRegionProviderChain().getRegion(),
        GuardSettings.defaults());
  }

  public AwsSettings withGuard(GuardSettings newGuard) {
    return new AwsSettings(endpoint, credentials, defaultRegion, newGuard);
  }
}
