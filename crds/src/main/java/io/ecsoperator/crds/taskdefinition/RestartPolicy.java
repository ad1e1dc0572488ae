package io.ecsoperator.crds.taskdefinition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** Restarts of a container in place when it exits, without replacing the task. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RestartPolicy {

  @JsonPropertyDescription("Whether the container is restarted when it exits.")
  @Required
  public Boolean enabled;

  @JsonPropertyDescription("Exit codes that do not trigger a restart (at most 50).")
  @Size(max = 50)
  public List<Integer> ignoredExitCodes;

  @JsonPropertyDescription(
      "Seconds a container must run before a restart is attempted (60-1800; AWS default 300).")
  @Min(60)
  @Max(1800)
  public Integer restartAttemptPeriod;
}
