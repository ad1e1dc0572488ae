package io.ecsoperator.crds.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** One cluster setting, such as CloudWatch Container Insights. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ClusterSetting {

  /** The settings a cluster has. */
  public enum Name {
    containerInsights
  }

  /** Container Insights modes. */
  public enum Value {
    enabled,
    disabled,
    enhanced
  }

  @JsonPropertyDescription("Name of the setting: containerInsights.")
  @Required
  public Name name;

  @JsonPropertyDescription(
      "enhanced (Container Insights with enhanced observability), enabled or disabled. Overrides"
          + " the account's containerInsights setting.")
  @Required
  public Value value;
}
