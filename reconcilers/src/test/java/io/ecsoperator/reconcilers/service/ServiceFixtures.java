package io.ecsoperator.reconcilers.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsoperator.crds.service.EcsServiceSpec;
import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.reconcilers.json.SdkJson;
import io.ecsoperator.testsupport.Specs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * Services as real AWS describes them: {@code aws ecs describe-services --include TAGS} outputs
 * saved under {@code fixtures/service/}, read into the SDK model the way the operator gets them.
 */
final class ServiceFixtures {

  static final String WEB_TD_7 = "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7";
  static final String WEB_TD_8 = "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:8";

  /** shop/web: Fargate, ALB, Service Connect, circuit breaker, tags; rollout COMPLETED. */
  static final String WEB = "describe-services-web.json";

  /** shop/web rolling out web:8: 1 of 3 new tasks running. */
  static final String WEB_IN_PROGRESS = "describe-services-web-rollout-in-progress.json";

  /** shop/web: the circuit breaker failed web:8 and rolls back to web:7. */
  static final String WEB_ROLLBACK = "describe-services-web-rollback.json";

  /** shop/log-router: an EC2 DAEMON service with AWS's DAEMON defaults. */
  static final String DAEMON = "describe-services-log-router-daemon.json";

  private static final Pattern ISO_TIME =
      Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?[+-]\\d{2}:\\d{2}$");

  private ServiceFixtures() {}

  static String load(String fixture) {
    return resource("/fixtures/service/" + fixture);
  }

  /**
   * An {@code aws application-autoscaling describe-scalable-targets} or {@code
   * describe-scaling-policies} output of the shop/web service, saved under {@code
   * fixtures/scaling/}, as Application Auto Scaling's wire answer.
   */
  static String scalingAnswer(String fixture) {
    return wire(resource("/fixtures/scaling/" + fixture));
  }

  private static String resource(String resource) {
    try (InputStream in = ServiceFixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A saved output as ECS's wire answer: the CLI prints times in ISO 8601, the API sends epoch
   * seconds.
   */
  static String wire(String cliOutput) {
    JsonNode json = Json.parse(cliOutput);
    epochSeconds(json);
    return Json.write(json);
  }

  /** The service of a describe-services output as the wire answer of UpdateService. */
  static String serviceAnswer(String cliOutput) {
    return Json.write(Map.of("service", Json.parse(wire(cliOutput)).get("services").get(0)));
  }

  private static void epochSeconds(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object
          .properties()
          .forEach(
              field -> {
                JsonNode value = field.getValue();
                if (value.isTextual() && ISO_TIME.matcher(value.asText()).matches()) {
                  Instant instant = OffsetDateTime.parse(value.asText()).toInstant();
                  object.put(
                      field.getKey(),
                      BigDecimal.valueOf(instant.getEpochSecond())
                          .add(BigDecimal.valueOf(instant.getNano(), 9)));
                } else {
                  epochSeconds(value);
                }
              });
    } else if (node.isArray()) {
      node.forEach(ServiceFixtures::epochSeconds);
    }
  }

  /** The described service of a saved output. */
  static Service service(String fixture) {
    return serviceOf(load(fixture));
  }

  /** The described service of a saved output with text replaced, for variations of it. */
  static Service service(String fixture, String target, String replacement) {
    String text = load(fixture);
    if (!text.contains(target)) {
      throw new IllegalArgumentException(fixture + " has no " + target);
    }
    return serviceOf(text.replace(target, replacement));
  }

  static Service serviceOf(String describeServicesOutput) {
    return SdkJson.fromJson(Json.parse(describeServicesOutput), DescribeServicesResponse.builder())
        .services()
        .get(0);
  }

  static EcsServiceState state(String fixture) {
    return new EcsServiceState(service(fixture), null, null);
  }

  static EcsServiceSpec spec(String yaml) {
    return Specs.parse(yaml, EcsServiceSpec.class);
  }
}
