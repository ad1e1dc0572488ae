package io.ecsoperator.crds.taskdefinition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;
import java.util.Map;

/** Where and how the container's logs are sent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LogConfiguration {

  /** Log drivers ECS supports; Fargate supports awslogs, splunk and awsfirelens. */
  public enum LogDriver {
    @JsonProperty("json-file")
    JSON_FILE,
    @JsonProperty("syslog")
    SYSLOG,
    @JsonProperty("journald")
    JOURNALD,
    @JsonProperty("gelf")
    GELF,
    @JsonProperty("fluentd")
    FLUENTD,
    @JsonProperty("awslogs")
    AWSLOGS,
    @JsonProperty("splunk")
    SPLUNK,
    @JsonProperty("awsfirelens")
    AWSFIRELENS
  }

  @JsonPropertyDescription("Log driver, e.g. awslogs.")
  @Required
  public LogDriver logDriver;

  @JsonPropertyDescription(
      "Driver options, e.g. awslogs-group, awslogs-region, awslogs-stream-prefix. Keys are kept"
          + " exactly as written.")
  @Size(max = 64)
  public Map<String, String> options;

  @JsonPropertyDescription("Driver options read from Secrets Manager or SSM Parameter Store.")
  @Size(max = 64)
  public List<Secret> secretOptions;
}
