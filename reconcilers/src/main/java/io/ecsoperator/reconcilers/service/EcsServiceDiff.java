package io.ecsoperator.reconcilers.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsoperator.crds.service.EcsServiceSpec;
import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.ecsoperator.reconcilers.engine.ChangeStrategy;
import io.ecsoperator.reconcilers.tags.UserTags;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The difference between an EcsService spec and a described service. Pure. Only fields the spec
 * declares are compared, in the canonical forms of {@link ServiceShape} (DESIGN §7); within a
 * declared object only its declared fields, so AWS's defaults and additions are never drift. A list
 * is compared whole.
 *
 * <p>Paths name the field as the spec does ({@code deploymentConfiguration.maximumPercent}, {@code
 * loadBalancers}); fields AWS cannot change after creation (cluster, launchType,
 * schedulingStrategy, role) are {@link ChangeStrategy#REPLACE}, tags {@link
 * ChangeStrategy#TAGS_ONLY}, the rest {@link ChangeStrategy#IN_PLACE}.
 */
public final class EcsServiceDiff {

  public static final String CLUSTER = "cluster";
  public static final String TASK_DEFINITION = "taskDefinition";
  public static final String DESIRED_COUNT = "desiredCount";
  public static final String RESTARTED_AT = "restartedAt";
  public static final String TAGS = "tags";

  /** What UpdateService cannot change. */
  private static final Set<String> CREATE_ONLY = Set.of("launchType", "schedulingStrategy", "role");

  private static final String SERVICE_CONNECT_NAMESPACE = "serviceConnectConfiguration.namespace";

  private EcsServiceDiff() {}

  public static ChangeSet diff(
      EcsServiceSpec spec, ResolvedService resolved, EcsServiceState actual) {
    return diff(
        spec, resolved, actual, ServiceShapes.of(spec, resolved.providers(), actual.service()));
  }

  /** The diff from shapes already built of this spec and {@code actual}'s service. */
  static ChangeSet diff(
      EcsServiceSpec spec, ResolvedService resolved, EcsServiceState actual, ServiceShapes shapes) {
    ChangeSet.Builder changes = ChangeSet.builder();
    changes.compare(
        CLUSTER,
        resolved.clusterName(),
        ResolvedService.clusterName(actual.clusterArn()),
        ChangeStrategy.REPLACE);
    if (resolved.taskDefinitionArn() != null) {
      changes.compare(
          TASK_DEFINITION,
          resolved.taskDefinitionArn(),
          actual.taskDefinition(),
          ChangeStrategy.IN_PLACE);
    }
    if (ownsDesiredCount(spec)) {
      changes.compare(
          DESIRED_COUNT, spec.desiredCount, actual.desiredCount(), ChangeStrategy.IN_PLACE);
    }
    boolean daemon = spec.daemon() || actual.daemon();
    ObjectNode desired = shapes.desired();
    ObjectNode described = shapes.described();
    for (String field : ServiceShape.AWS_FIELDS) {
      if (desired.has(field)) {
        compareDeclared(
            field,
            desired.get(field),
            described.get(field),
            daemon,
            CREATE_ONLY.contains(field) ? ChangeStrategy.REPLACE : ChangeStrategy.IN_PLACE,
            changes);
      }
    }
    if (spec.restartedAt != null && !spec.observeOnly()) {
      changes.compare(
          RESTARTED_AT, spec.restartedAt, actual.restartedAt(), ChangeStrategy.IN_PLACE);
    }
    if (spec.tags != null) {
      changes.compare(
          TAGS, new TreeMap<>(spec.tags), UserTags.of(actual.tags()), ChangeStrategy.TAGS_ONLY);
    }
    return changes.build();
  }

  /**
   * Whether the spec's desiredCount is the service's (DESIGN §7): not when unset, not with
   * autoScaling (the scaler owns it; the spec's is only the initial count), not for DAEMON.
   */
  private static boolean ownsDesiredCount(EcsServiceSpec spec) {
    return spec.desiredCount != null && spec.autoScaling == null && !spec.daemon();
  }

  /** The top-level spec field a change path belongs to: "deploymentConfiguration.x" -> "...". */
  public static String topLevel(String path) {
    int end = path.length();
    for (char separator : new char[] {'.', '['}) {
      int at = path.indexOf(separator);
      if (at >= 0) {
        end = Math.min(end, at);
      }
    }
    return path.substring(0, end);
  }

  private static void compareDeclared(
      String path,
      JsonNode desired,
      JsonNode actual,
      boolean daemon,
      ChangeStrategy strategy,
      ChangeSet.Builder changes) {
    if (desired.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = desired.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        compareDeclared(
            path + "." + field.getKey(),
            field.getValue(),
            actual == null ? null : actual.get(field.getKey()),
            daemon,
            strategy,
            changes);
      }
      return;
    }
    if (path.equals(SERVICE_CONNECT_NAMESPACE) && isNameOfArn(desired, actual)) {
      return;
    }
    // Compared in canonical form, reported as written, so the drift shows AWS's real value.
    if (!Objects.equals(
        ServiceShape.canonical(path, desired, daemon),
        ServiceShape.canonical(path, actual, daemon))) {
      changes.compare(path, text(desired), text(actual), strategy);
    }
  }

  /**
   * A namespace name against the ARN AWS reports: Cloud Map's ARN does not contain the name, so
   * they are taken as the same.
   */
  private static boolean isNameOfArn(JsonNode desired, JsonNode actual) {
    return actual != null
        && actual.asText().startsWith("arn:")
        && !desired.asText().startsWith("arn:");
  }

  /** Text as it is, other values as JSON, absent as null: what FieldChange shows. */
  private static String text(JsonNode value) {
    if (value == null) {
      return null;
    }
    return value.isTextual() ? value.asText() : value.toString();
  }
}
