package io.ecsoperator.crds.taskdefinition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** A container health check run by the container agent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HealthCheck {

  @JsonPropertyDescription(
      "Command, starting with CMD (exec) or CMD-SHELL (shell), e.g. [CMD-SHELL, curl -f"
          + " http://localhost/ || exit 1].")
  @Required
  @Size(min = 1, max = 256)
  public List<String> command;

  @JsonPropertyDescription("Seconds between checks, 5-300 (AWS default 30).")
  @Min(5)
  @Max(300)
  public Integer interval;

  @JsonPropertyDescription("Seconds before a check fails, 2-120 (AWS default 5).")
  @Min(2)
  @Max(120)
  public Integer timeout;

  @JsonPropertyDescription("Failed checks before the container is unhealthy, 1-10 (default 3).")
  @Min(1)
  @Max(10)
  public Integer retries;

  @JsonPropertyDescription(
      "Grace period in seconds, 0-300, before failed checks count (default 0: off).")
  @Min(0)
  @Max(300)
  public Integer startPeriod;
}
