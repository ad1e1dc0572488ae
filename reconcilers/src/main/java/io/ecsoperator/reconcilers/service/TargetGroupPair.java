package io.ecsoperator.reconcilers.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A load balancer's target group and its {@code advancedConfiguration.alternateTargetGroupArn}:
 * each BLUE_GREEN, LINEAR or CANARY deployment makes ECS swap them (the green target group becomes
 * the service's), so the spec's pair and AWS's are the same in either order, and an update keeps
 * the order ECS has live rather than swapping traffic back.
 */
final class TargetGroupPair {

  static final String TARGET_GROUP = "targetGroupArn";
  private static final String ADVANCED = "advancedConfiguration";
  private static final String ALTERNATE = "alternateTargetGroupArn";

  private TargetGroupPair() {}

  /**
   * A canonical load balancer (target groups already by name) with its pair in one fixed order, so
   * the two orders compare equal.
   */
  static ObjectNode ordered(ObjectNode loadBalancer) {
    Optional<String[]> pair = pairOf(loadBalancer, UnaryOperator.identity());
    if (pair.isEmpty() || pair.get()[0].compareTo(pair.get()[1]) <= 0) {
      return loadBalancer;
    }
    return swapped(loadBalancer);
  }

  /**
   * The declared load balancers, each whose pair AWS has in the other order written in AWS's order:
   * sending the spec's order would make ECS route traffic back to the old target group.
   *
   * @param byName target group ARN or name -> name
   */
  static JsonNode inLiveOrder(JsonNode declared, JsonNode described, UnaryOperator<String> byName) {
    if (declared == null || !declared.isArray() || described == null) {
      return declared;
    }
    ArrayNode result = ((ArrayNode) declared).arrayNode();
    for (JsonNode loadBalancer : declared) {
      result.add(
          loadBalancer.isObject() && isSwappedInAws((ObjectNode) loadBalancer, described, byName)
              ? swapped((ObjectNode) loadBalancer)
              : loadBalancer);
    }
    return result;
  }

  private static boolean isSwappedInAws(
      ObjectNode loadBalancer, JsonNode described, UnaryOperator<String> byName) {
    Optional<String[]> pair = pairOf(loadBalancer, byName);
    if (pair.isEmpty()) {
      return false;
    }
    for (JsonNode live : described) {
      Optional<String[]> livePair = pairOf(live, byName);
      if (livePair.isPresent()
          && livePair.get()[0].equals(pair.get()[1])
          && livePair.get()[1].equals(pair.get()[0])) {
        return true;
      }
    }
    return false;
  }

  /** {targetGroup, alternate} by name, when the load balancer has both. */
  private static Optional<String[]> pairOf(JsonNode loadBalancer, UnaryOperator<String> byName) {
    JsonNode main = loadBalancer.path(TARGET_GROUP);
    JsonNode alternate = loadBalancer.path(ADVANCED).path(ALTERNATE);
    if (!main.isTextual() || !alternate.isTextual()) {
      return Optional.empty();
    }
    return Optional.of(
        new String[] {byName.apply(main.asText()), byName.apply(alternate.asText())});
  }

  private static ObjectNode swapped(ObjectNode loadBalancer) {
    ObjectNode copy = loadBalancer.deepCopy();
    JsonNode main = copy.get(TARGET_GROUP);
    ObjectNode advanced = (ObjectNode) copy.get(ADVANCED);
    copy.set(TARGET_GROUP, advanced.get(ALTERNATE));
    advanced.set(ALTERNATE, main);
    return copy;
  }
}
