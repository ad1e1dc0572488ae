package io.ecsoperator.operator.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsoperator.reconcilers.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The PromQL of the chart's alerting rules ({@code monitoring/alerts.yaml}) and Grafana dashboard
 * ({@code monitoring/dashboard.json}), and the metric names it reads.
 */
public final class ChartMonitoring {

  /** Label matchers, grouping clauses and quoted strings: none of them name a metric. */
  private static final Pattern NOT_METRICS =
      Pattern.compile("\\{[^}]*}|\\b(by|without|on|ignoring)\\s*\\([^)]*\\)|\"[^\"]*\"");

  /** An identifier not followed by "(" (that would be a function) nor part of a range "[5m]". */
  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<![\\w\\[])([a-zA-Z_:][a-zA-Z0-9_:]*)(?!\\s*\\()(?![\\w\\]])");

  private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset");

  private final Path folder;

  public ChartMonitoring(Path repoRoot) {
    this.folder = repoRoot.resolve("charts/ecs-operator/monitoring");
  }

  public Path alerts() {
    return folder.resolve("alerts.yaml");
  }

  public Path alertsTest() {
    return folder.resolve("alerts-test.yaml");
  }

  /** Every expression of the rules and the dashboard's panels. */
  @SuppressWarnings("unchecked")
  public List<String> expressions() {
    List<String> exprs = new ArrayList<>();
    Map<String, Object> rules = new Yaml().load(read(alerts()));
    for (Object group : (List<Object>) rules.get("groups")) {
      for (Object rule : (List<Object>) ((Map<String, Object>) group).get("rules")) {
        exprs.add((String) ((Map<String, Object>) rule).get("expr"));
      }
    }
    JsonNode dashboard = Json.parse(read(folder.resolve("dashboard.json")));
    dashboard
        .path("panels")
        .forEach(p -> p.path("targets").forEach(t -> exprs.add(t.path("expr").asText())));
    dashboard
        .at("/templating/list")
        .forEach(
            v -> {
              if (v.path("type").asText().equals("query")) {
                exprs.add(v.path("query").asText().replaceAll("^label_values\\((\\w+),.*", "$1"));
              }
            });
    return exprs;
  }

  /** The names of the series the expressions read. */
  public Set<String> metricNames() {
    Set<String> names = new TreeSet<>();
    for (String expr : expressions()) {
      Matcher m = IDENTIFIER.matcher(NOT_METRICS.matcher(expr).replaceAll(" "));
      while (m.find()) {
        if (!KEYWORDS.contains(m.group(1)) && !m.group(1).startsWith("$")) {
          names.add(m.group(1));
        }
      }
    }
    return names;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
