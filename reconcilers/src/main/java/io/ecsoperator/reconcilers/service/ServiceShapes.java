package io.ecsoperator.reconcilers.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsoperator.crds.service.EcsServiceSpec;
import io.ecsoperator.reconcilers.capacityprovider.ProviderNames;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * A spec and a described service in {@link ServiceShape}'s form, built once per reconcile: the diff
 * compares them and UpdateService is written from them. Read-only once built.
 *
 * @param spec the spec {@code desired} was built from
 * @param service the described service {@code described} was built from
 */
record ServiceShapes(
    EcsServiceSpec spec, Service service, ObjectNode desired, ObjectNode described) {

  /**
   * @param providers the AWS names of the EcsCapacityProvider objects the strategy refers to
   */
  static ServiceShapes of(EcsServiceSpec spec, ProviderNames providers, Service service) {
    return new ServiceShapes(
        spec, service, ServiceShape.desired(spec, providers), ServiceShape.actual(service));
  }

  /** These shapes when they are of this spec and service, else new ones. */
  ServiceShapes reuseFor(EcsServiceSpec otherSpec, ProviderNames providers, Service otherService) {
    return spec == otherSpec && service == otherService
        ? this
        : of(otherSpec, providers, otherService);
  }
}
