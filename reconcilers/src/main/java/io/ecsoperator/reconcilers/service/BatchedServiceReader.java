package io.ecsoperator.reconcilers.service;

import io.ecsoperator.reconcilers.aws.ApiCategory;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.aws.BatchedReader;
import io.ecsoperator.reconcilers.aws.EcsFailures;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;

/**
 * Reads services with as few DescribeServices calls as AWS allows (DESIGN §8), through a {@link
 * BatchedReader}: asked for one service, it describes it together with up to 9 other services of
 * the same region and cluster that it has been asked for before, so the drift checks of 50 services
 * of one cluster make about 5 calls. The operator checks all the services of one {@link
 * #batchGroup} at the same instant. Thread-safe; one instance serves every service object.
 */
public final class BatchedServiceReader {

  /** DescribeServices takes up to 10 services. */
  public static final int BATCH = 10;

  /**
   * One DescribeServices call of one cluster: the services found, by name (INACTIVE ones included);
   * the names missing from the answer do not exist.
   */
  @FunctionalInterface
  public interface Describe {
    Map<String, Service> call(String region, String cluster, List<String> serviceNames);
  }

  /** The services one call describes: a cluster (by name) of a region. */
  private record Group(String region, String cluster) {

    Group {
      cluster = ResolvedService.clusterName(cluster);
    }
  }

  private final BatchedReader<Group, Service> reader;

  public BatchedServiceReader(Describe describe, Duration maxAge, LongSupplier nanoTime) {
    this.reader =
        new BatchedReader<>(
            BATCH,
            (group, names) -> describe.call(group.region(), group.cluster(), names),
            maxAge,
            nanoTime);
  }

  /**
   * The services whose reads batch together: those of one cluster (by name or ARN) of one region.
   * Equal strings for exactly those.
   */
  public static String batchGroup(String region, String cluster) {
    return region + "/" + ResolvedService.clusterName(cluster);
  }

  /** The production reader: DescribeServices with tags, through each region's call guard. */
  public static BatchedServiceReader on(AwsClientFactory aws, Duration maxAge) {
    return on(aws, maxAge, System::nanoTime);
  }

  /** The same, on another clock (nanoseconds), e.g. one a test moves on. */
  public static BatchedServiceReader on(
      AwsClientFactory aws, Duration maxAge, LongSupplier nanoTime) {
    return new BatchedServiceReader(
        (region, cluster, names) -> describeServices(aws.forRegion(region), cluster, names),
        maxAge,
        nanoTime);
  }

  /**
   * The service as AWS describes it (tags included), or null when it does not exist.
   *
   * @param fresh true to ignore answers already at hand
   */
  public Service read(String region, String cluster, String service, boolean fresh) {
    return reader.read(new Group(region, cluster), service, fresh);
  }

  /** Drops the answer at hand for a service we just changed. */
  public void invalidate(String region, String cluster, String service) {
    reader.invalidate(new Group(region, cluster), service);
  }

  /** Stops describing a service along with others: its object is gone. */
  public void forget(String region, String cluster, String service) {
    reader.forget(new Group(region, cluster), service);
  }

  private static Map<String, Service> describeServices(
      AwsClients clients, String cluster, List<String> names) {
    DescribeServicesResponse response =
        clients.ecsCall(
            ApiCategory.ECS_SERVICE_READ,
            ecs ->
                ecs.describeServices(
                    r -> r.cluster(cluster).services(names).include(ServiceField.TAGS)));
    EcsFailures.requireOnlyMissing("DescribeServices", response.failures());
    Map<String, Service> found = new HashMap<>();
    response.services().forEach(s -> found.put(s.serviceName(), s));
    return found;
  }
}
