package io.ecsoperator.crds.taskdefinition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** A tmpfs mount in the container (not on Fargate). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Tmpfs {

  @JsonPropertyDescription("Where the tmpfs is mounted in the container.")
  @Required
  @Size(min = 1, max = 4096)
  public String containerPath;

  @JsonPropertyDescription("Maximum size in MiB.")
  @Required
  @Min(1)
  public Integer size;

  @JsonPropertyDescription("Mount options, e.g. rw, noexec, nosuid, size=...")
  @Size(max = 32)
  public List<String> mountOptions;
}
