package io.ecsoperator.operator.cli.plan;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What applying the files would do to one AWS resource. */
public enum PlanAction {
  CREATE("+", "create"),
  UPDATE("~", "update"),
  NEW_REVISION("~", "register a new revision of"),
  BLOCKED("!", "cannot apply to"),
  NO_CHANGE("=", "no change to"),
  /** ObserveOnly and AWS differs: reported, never written. */
  DRIFT("?", "observe-only, AWS differs for"),
  /** ObserveOnly and the AWS resource does not exist. */
  MISSING("?", "observe-only, missing in AWS:"),
  /** AWS could not be read. */
  ERROR("x", "could not read");

  private final String symbol;
  private final String verb;

  PlanAction(String symbol, String verb) {
    this.symbol = symbol;
    this.verb = verb;
  }

  /** The name in JSON output: create, new-revision... */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public String symbol() {
    return symbol;
  }

  public String verb() {
    return verb;
  }

  /** Whether apply would write to AWS, or fail to: what makes {@code plan} exit with 2. */
  public boolean pending() {
    return this == CREATE || this == UPDATE || this == NEW_REVISION || this == BLOCKED;
  }
}
