package io.ecsoperator.reconcilers.capacityprovider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * AWS's defaults of a provider's fields, filled into the spec's form and AWS's alike, so that an
 * omitted field and AWS's default are the same and removing a field from the spec brings AWS back
 * to its default.
 */
final class ProviderDefaults {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ProviderDefaults() {}

  /**
   * An Auto Scaling group provider: managed draining ENABLED (developer guide, "safely shut down
   * instances"), termination protection DISABLED; managed scaling, when present, DISABLED with a
   * target of 100, steps of 1 to 10000 and a 300 s warm-up (API_ManagedScaling).
   */
  static ObjectNode autoScalingGroup(JsonNode provider) {
    ObjectNode filled = copy(provider);
    fill(filled, "managedDraining", "ENABLED");
    fill(filled, "managedTerminationProtection", "DISABLED");
    if (filled.get("managedScaling") instanceof ObjectNode scaling) {
      fill(scaling, "status", "DISABLED");
      fill(scaling, "targetCapacity", 100);
      fill(scaling, "minimumScalingStepSize", 1);
      fill(scaling, "maximumScalingStepSize", 10000);
      fill(scaling, "instanceWarmupPeriod", 300);
    }
    return filled;
  }

  /**
   * A Managed Instances provider: tags not propagated, BASIC monitoring, ON_DEMAND capacity,
   * instance metadata tags on, FIPS off (API_ManagedInstancesProvider, API_InstanceLaunchTemplate).
   */
  static ObjectNode managedInstances(JsonNode provider) {
    ObjectNode filled = copy(provider);
    fill(filled, "propagateTags", "NONE");
    if (filled.get("instanceLaunchTemplate") instanceof ObjectNode template) {
      fill(template, "monitoring", "BASIC");
      fill(template, "capacityOptionType", "ON_DEMAND");
      fill(template, "instanceMetadataTagsPropagation", true);
      fill(template, "fipsEnabled", false);
    }
    return filled;
  }

  private static ObjectNode copy(JsonNode provider) {
    return provider == null ? NODES.objectNode() : ((ObjectNode) provider).deepCopy();
  }

  private static void fill(ObjectNode node, String field, Object value) {
    if (node.hasNonNull(field)) {
      return;
    }
    if (value instanceof String s) {
      node.put(field, s);
    } else if (value instanceof Integer i) {
      node.put(field, i);
    } else {
      node.put(field, (Boolean) value);
    }
  }
}
