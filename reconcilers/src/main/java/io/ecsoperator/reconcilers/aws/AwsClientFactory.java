package io.ecsoperator.reconcilers.aws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The one place AWS clients are made, for production and tests alike: one set per region, one
 * shared HTTP connection pool, SDK retries off (the {@link AwsCallGuard} retries), and every call
 * reported to the listener.
 */
public final class AwsClientFactory implements AutoCloseable {

  private final AwsSettings settings;
  private final AwsCallListener listener;
  private final SdkHttpClient http;
  private final Map<String, AwsClients> byRegion = new ConcurrentHashMap<>();

  public AwsClientFactory(AwsSettings settings, AwsCallListener listener) {
    this(settings, listener, ApacheHttpClient.builder().maxConnections(64).build());
  }

  /**
   * The same clients over the given HTTP client, e.g. one that answers from saved AWS responses in
   * unit tests; it is closed with the factory.
   */
  public AwsClientFactory(AwsSettings settings, AwsCallListener listener, SdkHttpClient http) {
    this.settings = settings;
    this.listener = listener;
    this.http = http;
  }

  /**
   * Clients of another AWS account, acting as the role: the SDK's provider assumes it with this
   * factory's credentials and refreshes the session before it expires. Each account has clients,
   * call guards (rate limiters, breakers) and a connection pool of its own.
   *
   * @param accountListener told about the calls made in that account
   */
  public AwsClientFactory assuming(RoleToAssume role, AwsCallListener accountListener) {
    Region region =
        role.defaultRegion() == null ? settings.defaultRegion() : Region.of(role.defaultRegion());
    var credentials =
        StsAssumeRoleCredentialsProvider.builder()
            .stsClient(forRegion(region.id()).sts())
            .refreshRequest(
                r ->
                    r.roleArn(role.roleArn())
                        .roleSessionName(role.sessionName())
                        .externalId(role.externalId())
                        .durationSeconds((int) role.sessionDuration().toSeconds()))
            .build();
    return new AwsClientFactory(settings.with(credentials, region), accountListener);
  }

  /** Clients for the region, or for the default region when {@code region} is null. */
  public AwsClients forRegion(String region) {
    String resolved = region == null ? settings.defaultRegion().id() : region;
    return byRegion.computeIfAbsent(resolved, this::create);
  }

  /** Clients for the region an ARN names ({@code arn:partition:service:region:account:...}). */
  public AwsClients forArn(String arn) {
    return forRegion(arn.split(":")[3]);
  }

  public String defaultRegion() {
    return settings.defaultRegion().id();
  }

  private AwsClients create(String region) {
    return new AwsClients(
        region,
        configure(EcrClient.builder(), region).build(),
        configure(EcsClient.builder(), region).build(),
        configure(ApplicationAutoScalingClient.builder(), region).build(),
        configure(ResourceGroupsTaggingApiClient.builder(), region).build(),
        configure(CloudWatchLogsClient.builder(), region).build(),
        configure(SchedulerClient.builder(), region).build(),
        configure(StsClient.builder(), region).build(),
        new AwsCallGuard(region, settings.guard()));
  }

  private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
      B builder, String region) {
    builder
        .region(Region.of(region))
        .credentialsProvider(settings.credentials())
        .overrideConfiguration(
            ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .addExecutionInterceptor(new AwsCallRecorder(listener))
                .build());
    settings.endpoint().ifPresent(builder::endpointOverride);
    return builder.httpClient(http);
  }

  @Override
  public void close() {
    byRegion
        .values()
        .forEach(
            c -> {
              c.ecr().close();
              c.ecs().close();
              c.autoScaling().close();
              c.tagging().close();
              c.logs().close();
              c.scheduler().close();
              c.sts().close();
            });
    if (settings.credentials() instanceof SdkAutoCloseable refreshing) {
      refreshing.close();
    }
    http.close();
  }
}
