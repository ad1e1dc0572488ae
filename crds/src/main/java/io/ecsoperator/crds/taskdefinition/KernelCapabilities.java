package io.ecsoperator.crds.taskdefinition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** Linux capabilities added to or dropped from Docker's default set. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KernelCapabilities {

  @JsonPropertyDescription(
      "Capabilities to add, e.g. SYS_PTRACE (the only one Fargate allows). Names without CAP_.")
  @Size(max = 64)
  public List<String> add;

  @JsonPropertyDescription("Capabilities to drop, e.g. NET_RAW. Names without CAP_.")
  @Size(max = 64)
  public List<String> drop;
}
