package io.ecsoperator.operator.testsupport;

import io.ecsoperator.testsupport.Processes;
import io.ecsoperator.testsupport.TestBed;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * helm, built from its Go module by {@code testbed/install-helm} (once per machine), run on the
 * repository's chart.
 */
public final class Helm {

  /** The Kubernetes release of the test bed (testbed/kube/go.mod): charts render for it. */
  public static final String KUBE_VERSION = "v1.34.4";

  private final TestBed bed;

  public Helm(TestBed bed) {
    this.bed = bed;
  }

  public Path chart() {
    return bed.repoRoot().resolve("charts/ecs-operator");
  }

  /** {@code helm <args>} with the bed's environment (KUBECONFIG), which must succeed. */
  public Processes.Result run(String... args) {
    return runAllowingFailure(args).assertSuccess("helm " + String.join(" ", args));
  }

  public Processes.Result runAllowingFailure(String... args) {
    List<String> command = new ArrayList<>();
    command.add(BedTools.folder(bed.repoRoot(), "install-helm").resolve("helm").toString());
    command.addAll(List.of(args));
    return Processes.run(
        bed.repoRoot(), bed.env(), null, Duration.ofMinutes(2), command.toArray(String[]::new));
  }

  /** {@code helm template <release> <chart> -n <namespace> <--set ...>} for the bed's version. */
  public String template(String release, String namespace, String... setArgs) {
    return template(chart(), release, namespace, setArgs);
  }

  /** The same for another chart folder (a changed copy of the repository's chart). */
  public String template(Path chart, String release, String namespace, String... setArgs) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "template",
                release,
                chart.toString(),
                "--namespace",
                namespace,
                "--kube-version",
                KUBE_VERSION));
    args.addAll(List.of(setArgs));
    return run(args.toArray(String[]::new)).stdout();
  }
}
