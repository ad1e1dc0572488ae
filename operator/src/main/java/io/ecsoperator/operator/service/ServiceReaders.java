package io.ecsoperator.operator.service;

import io.ecsoperator.crds.service.EcsService;
import io.ecsoperator.operator.account.PerAccount;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.service.BatchedServiceReader;
import java.time.Duration;

/** The batched DescribeServices reader of each AWS account the services act in. */
final class ServiceReaders {

  private final PerAccount<BatchedServiceReader> readers;

  /**
   * @param maxAge how old an answer may be and still serve a drift check or a rollout
   */
  ServiceReaders(Duration maxAge) {
    this.readers = new PerAccount<>(aws -> BatchedServiceReader.on(aws, maxAge));
  }

  BatchedServiceReader of(AwsClientFactory aws) {
    return readers.of(aws);
  }

  /** Drops a deleted service from its account's reader. */
  void forget(AwsClientFactory aws, EcsService resource, String cluster) {
    readers
        .of(aws)
        .forget(aws.forRegion(resource.getSpec().region).region(), cluster, resource.serviceName());
  }
}
