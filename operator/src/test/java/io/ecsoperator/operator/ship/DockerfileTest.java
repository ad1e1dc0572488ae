package io.ecsoperator.operator.ship;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.operator.Main;
import io.ecsoperator.operator.cli.CliContext;
import io.ecsoperator.operator.testsupport.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * There is no container engine here to build the image, so the Dockerfile is checked against what
 * it depends on: the jar the build produces, the CLI, the Java release, the chart's user and port.
 */
class DockerfileTest {

  private static final Path REPO = Repo.root();

  private final List<String> lines = instructions(read("Dockerfile"));

  @Test
  void buildsWithTheWrapperOnTheProjectsJavaReleaseAndRunsOnAJre() {
    String release = tag(read("pom.xml"), "maven.compiler.release");
    List<String> froms = withKeyword("FROM");
    assertThat(froms).hasSize(2);
    assertThat(froms.get(0)).isEqualTo("eclipse-temurin:" + release + "-jdk AS build");
    assertThat(froms.get(1)).isEqualTo("eclipse-temurin:" + release + "-jre");
    assertThat(withKeyword("RUN"))
        .singleElement()
        .satisfies(run -> assertThat(run).contains("./mvnw ").contains(" package"));
  }

  @Test
  void copiesOnlyFilesThatExistAndTheJarTheShadePluginNames() {
    for (String copy : withKeyword("COPY")) {
      if (copy.startsWith("--from=")) {
        continue;
      }
      String[] parts = copy.split("\\s+");
      for (int i = 0; i < parts.length - 1; i++) {
        assertThat(REPO.resolve(parts[i])).as("COPY source %s", parts[i]).exists();
      }
    }
    String jarName = tag(read("operator/pom.xml"), "finalName") + ".jar";
    assertThat(withKeyword("COPY"))
        .contains("--from=build /src/operator/target/" + jarName + " /app/ecs-operator.jar");
  }

  @Test
  void entryPointRunsTheJarWithContainerAwareMemoryAndTheCommandExists() {
    List<String> entry = execForm(withKeyword("ENTRYPOINT").get(0));
    assertThat(entry.get(0)).isEqualTo("java");
    assertThat(entry.subList(entry.size() - 2, entry.size()))
        .containsExactly("-jar", "/app/ecs-operator.jar");
    assertThat(entry).anyMatch(a -> a.startsWith("-XX:MaxRAMPercentage="));
    assertThat(entry).contains("-XX:+ExitOnOutOfMemoryError");
    assertThat(entry).noneMatch(a -> a.startsWith("-Xmx"));

    List<String> cmd = execForm(withKeyword("CMD").get(0));
    assertThat(cmd).containsExactly("run");
    assertThat(Main.commandLine(CliContext.fromEnvironment()).getSubcommands())
        .containsKey(cmd.get(0));
  }

  @Test
  void runsAsTheNumericNonRootUserAndPortOfTheChart() {
    Map<String, Object> values = new Yaml().load(read("charts/ecs-operator/values.yaml"));
    @SuppressWarnings("unchecked")
    Map<String, Object> pod = (Map<String, Object>) values.get("podSecurityContext");

    String user = withKeyword("USER").get(0);
    assertThat(user).matches("[0-9]+:[0-9]+");
    assertThat(Integer.parseInt(user.split(":")[0])).isPositive();
    assertThat(user).isEqualTo(pod.get("runAsUser") + ":" + pod.get("runAsGroup"));
    assertThat(withKeyword("EXPOSE")).containsExactly(String.valueOf(values.get("httpPort")));
  }

  @Test
  void theBuildContextLeavesOutLocalBuildOutput() {
    assertThat(read(".dockerignore").lines()).contains("**/target/", ".testbed/");
  }

  private List<String> withKeyword(String keyword) {
    List<String> found = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith(keyword + " ")) {
        found.add(line.substring(keyword.length() + 1).trim());
      }
    }
    return found;
  }

  /** ["a", "b"] -> [a, b]. */
  private static List<String> execForm(String json) {
    assertThat(json).as("exec form").startsWith("[").endsWith("]");
    List<String> items = new ArrayList<>();
    Matcher m = Pattern.compile("\"([^\"]*)\"").matcher(json);
    while (m.find()) {
      items.add(m.group(1));
    }
    return items;
  }

  /** Instructions without comments, with continuation lines joined. */
  private static List<String> instructions(String dockerfile) {
    List<String> result = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : dockerfile.split("\n")) {
      if (line.trim().startsWith("#") || line.isBlank()) {
        continue;
      }
      if (line.endsWith("\\")) {
        current.append(line, 0, line.length() - 1).append(' ');
      } else {
        result.add(current.append(line).toString().trim());
        current.setLength(0);
      }
    }
    return result;
  }

  private static String tag(String xml, String name) {
    Matcher m = Pattern.compile("<" + name + ">([^<]+)</" + name + ">").matcher(xml);
    assertThat(m.find()).as("<%s> in the pom", name).isTrue();
    return m.group(1).trim();
  }

  private static String read(String file) {
    try {
      return Files.readString(REPO.resolve(file));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
