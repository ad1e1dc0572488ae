package io.ecsoperator.operator.controller;

import io.ecsoperator.operator.account.AwsAccounts;
import io.ecsoperator.operator.settings.OperatorSettings;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * What every controller is built from: the AWS accounts objects act in (and the operator's own
 * clients), the Kubernetes client, condition writer, event recorder and settings.
 */
public record ControllerWiring(
    AwsAccounts accounts,
    KubernetesClient client,
    StatusConditions conditions,
    EventRecorder events,
    OperatorSettings settings) {}
