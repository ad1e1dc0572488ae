package io.ecsoperator.operator.cli.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ecsoperator.reconcilers.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A plan as people and machines read it. The text is stable (dependency order, no timestamps) so
 * that it can be diffed in a pull request.
 */
public record PlanReport(List<PlanEntry> entries) {

  /** Exit code: nothing would change. */
  public static final int NO_CHANGES = 0;

  /** Exit code: apply would write to AWS, or would be blocked. */
  public static final int CHANGES = 2;

  /** Exit code: AWS could not be read for some object. */
  public static final int FAILED = 1;

  public PlanReport {
    entries = List.copyOf(entries);
  }

  public int exitCode() {
    if (entries.stream().anyMatch(e -> e.action() == PlanAction.ERROR)) {
      return FAILED;
    }
    return entries.stream().anyMatch(e -> e.action().pending()) ? CHANGES : NO_CHANGES;
  }

  /** The counts of the summary line, by category. */
  public Map<String, Long> summary() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("create", count(e -> e.action() == PlanAction.CREATE));
    counts.put(
        "update",
        count(e -> e.action() == PlanAction.UPDATE || e.action() == PlanAction.NEW_REVISION));
    counts.put("blocked", count(e -> e.action() == PlanAction.BLOCKED));
    counts.put("unchanged", count(e -> e.action() == PlanAction.NO_CHANGE));
    counts.put(
        "observeOnlyDrift",
        count(e -> e.action() == PlanAction.DRIFT || e.action() == PlanAction.MISSING));
    counts.put("errors", count(e -> e.action() == PlanAction.ERROR));
    return counts;
  }

  public String text() {
    StringBuilder out = new StringBuilder();
    for (PlanEntry entry : entries) {
      out.append(entry.action().symbol())
          .append(' ')
          .append(entry.kind())
          .append(' ')
          .append(entry.namespace())
          .append('/')
          .append(entry.name())
          .append(": ")
          .append(verb(entry))
          .append(' ')
          .append(entry.aws())
          .append(" in ")
          .append(entry.region());
      if (entry.reason() != null) {
        out.append(" (").append(entry.reason()).append("): ").append(entry.message());
      }
      out.append('\n');
      for (PlanEntry.Change change : entry.changes()) {
        out.append("    ")
            .append(change.path())
            .append(": ")
            .append(value(change.actual()))
            .append(" -> ")
            .append(value(change.desired()))
            .append('\n');
      }
      for (String warning : entry.warnings()) {
        out.append("    warning: ").append(warning).append('\n');
      }
    }
    Map<String, Long> summary = summary();
    out.append("Plan: ")
        .append(summary.get("create"))
        .append(" to create, ")
        .append(summary.get("update"))
        .append(" to update, ")
        .append(summary.get("blocked"))
        .append(" blocked, ")
        .append(summary.get("unchanged"))
        .append(" unchanged");
    if (summary.get("observeOnlyDrift") > 0) {
      out.append(", ").append(summary.get("observeOnlyDrift")).append(" observe-only drifted");
    }
    if (summary.get("errors") > 0) {
      out.append(", ").append(summary.get("errors")).append(" could not be read");
    }
    return out.append(".\n").toString();
  }

  public String json() {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("resources", entries);
    document.put("summary", summary());
    try {
      return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String verb(PlanEntry entry) {
    if (!entry.adopt()) {
      return entry.action().verb();
    }
    return switch (entry.action()) {
      case NO_CHANGE -> "adopt, no change to";
      case UPDATE -> "adopt and update";
      default -> "adopt, then " + entry.action().verb();
    };
  }

  /** A value as JSON, so strings, lists and maps read unambiguously; absent is "(none)". */
  private static String value(Object value) {
    return value == null ? "(none)" : Json.write(value);
  }

  private long count(Predicate<PlanEntry> which) {
    return entries.stream().filter(which).count();
  }
}
