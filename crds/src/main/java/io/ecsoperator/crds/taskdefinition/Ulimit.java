package io.ecsoperator.crds.taskdefinition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** A resource limit of the container. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Ulimit {

  /** The ulimits Docker supports. */
  public enum Name {
    @JsonProperty("core")
    CORE,
    @JsonProperty("cpu")
    CPU,
    @JsonProperty("data")
    DATA,
    @JsonProperty("fsize")
    FSIZE,
    @JsonProperty("locks")
    LOCKS,
    @JsonProperty("memlock")
    MEMLOCK,
    @JsonProperty("msgqueue")
    MSGQUEUE,
    @JsonProperty("nice")
    NICE,
    @JsonProperty("nofile")
    NOFILE,
    @JsonProperty("nproc")
    NPROC,
    @JsonProperty("rss")
    RSS,
    @JsonProperty("rtprio")
    RTPRIO,
    @JsonProperty("rttime")
    RTTIME,
    @JsonProperty("sigpending")
    SIGPENDING,
    @JsonProperty("stack")
    STACK
  }

  @JsonPropertyDescription("Which limit, e.g. nofile.")
  @Required
  public Name name;

  @JsonPropertyDescription("Soft limit.")
  @Required
  public Integer softLimit;

  @JsonPropertyDescription("Hard limit.")
  @Required
  public Integer hardLimit;
}
