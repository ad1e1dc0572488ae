package io.ecsoperator.reconcilers.service.rollout;

import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.reconcilers.json.SdkJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.services.ecs.model.DescribeServiceDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;

/**
 * Service deployments as {@code aws ecs describe-service-deployments} prints them, saved under
 * {@code fixtures/deployment/}: shaped after the API reference's DescribeServiceDeployments
 * example, one per state the operator reports.
 */
final class DeploymentFixtures {

  static final String PAUSED = "describe-service-deployments-blue-green-paused.json";
  static final String BAKING = "describe-service-deployments-blue-green-baking.json";
  static final String SUCCESSFUL = "describe-service-deployments-blue-green-successful.json";
  static final String LINEAR = "describe-service-deployments-linear-shifting.json";
  static final String ROLLED_BACK = "describe-service-deployments-canary-rolled-back.json";

  static final String ARN =
      "arn:aws:ecs:eu-west-1:123456789012:service-deployment/shop/web/Ns5GnYKpYbQ8yQzLdU7rV";
  static final String HOOK = "3f6c1b0a9e2d";

  private DeploymentFixtures() {}

  static ServiceDeployment deployment(String fixture) {
    try (InputStream in =
        DeploymentFixtures.class.getResourceAsStream("/fixtures/deployment/" + fixture)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + fixture);
      }
      String output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return SdkJson.fromJson(Json.parse(output), DescribeServiceDeploymentsResponse.builder())
          .serviceDeployments()
          .get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
