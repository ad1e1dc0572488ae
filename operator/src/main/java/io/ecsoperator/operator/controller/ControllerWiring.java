package io.ecsoperator.operator.controller;

import io.ecsoperator.operator.settings.OperatorSettings;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * What every controller is built from: the operator's shared AWS clients, Kubernetes client,
 * condition writer, event recorder and settings.
 */
public record ControllerWiring(
    AwsClientFactory aws,
    KubernetesClient client,
    StatusConditions conditions,
    EventRecorder events,
    OperatorSettings settings) {}
