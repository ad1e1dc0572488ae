package io.ecsoperator.operator.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root, for unit tests that check files beside the code (chart, Dockerfile). */
public final class Repo {

  private Repo() {}

  public static Path root() {
    for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        p != null;
        p = p.getParent()) {
      if (Files.isDirectory(p.resolve("charts/ecs-operator"))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "no charts/ecs-operator above " + System.getProperty("user.dir"));
  }
}
