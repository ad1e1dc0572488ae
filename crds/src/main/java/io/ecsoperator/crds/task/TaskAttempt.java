package io.ecsoperator.crds.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** One RunTask of an EcsTask and the tasks it started. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class TaskAttempt {

  @JsonPropertyDescription("Number of the attempt, from 1.")
  public Integer attempt;

  @JsonPropertyDescription(
      "The RunTask client token of this attempt, so a repeated call starts no second task.")
  public String clientToken;

  @JsonPropertyDescription("The tasks of this attempt (spec.task.count of them).")
  public List<TaskRun> tasks = new ArrayList<>();
}
