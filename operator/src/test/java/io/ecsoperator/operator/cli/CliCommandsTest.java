package io.ecsoperator.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.operator.Main;
import io.ecsoperator.operator.kinds.KindRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands' handling of bad input, without AWS. */
class CliCommandsTest {

  @TempDir Path dir;

  private final AtomicInteger awsClientsMade = new AtomicInteger();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CliContext context =
        new CliContext(
            listener -> {
              awsClientsMade.incrementAndGet();
              throw new AssertionError("no AWS client may be made");
            },
            KindRegistry.cliKinds(),
            InputStream.nullInputStream(),
            false,
            120,
            Duration.ofMillis(10));
    CommandLine cli = Main.commandLine(context);
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void invalidManifestsMakeNoAwsCallAndExitWith1() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("bad.yaml"),
            """
            apiVersion: ecsoperator.io/v1alpha1
            kind: EcrRepository
            metadata: {name: web}
            spec: {imageTagMutability: SOMETIMES}
            """);

    for (String command : new String[] {"plan", "apply"}) {
      assertThat(run(command, "-f", file.toString())).as(command).isEqualTo(1);
    }

    assertThat(awsClientsMade).hasValue(0);
    assertThat(err.toString())
        .contains(
            "error: "
                + file
                + " document 1 (EcrRepository default/web): spec.imageTagMutability: Unsupported"
                + " value: \"SOMETIMES\"")
        .contains("1 problem(s) in the manifests; nothing was sent to AWS");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void usageErrorsExitWith1NotWithPlansChangesCode() {
    assertThat(run("plan")).isEqualTo(1);
    assertThat(err.toString()).contains("Missing required option: '--filename=FILE|DIR|-'");
    assertThat(run("import")).isEqualTo(1);
    assertThat(err.toString())
        .contains("name at least one --repository, --cluster or --schedule, or --registry");
    assertThat(run("apply", "-f", "x.yaml", "--timeout", "soon")).isEqualTo(1);
    assertThat(awsClientsMade).hasValue(0);
  }

  @Test
  void applyOfFilesWithoutOurKindsDoesNothing() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("other.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");

    assertThat(run("apply", "-f", file.toString())).isZero();

    assertThat(out.toString()).contains("Nothing to apply");
    assertThat(err.toString()).contains("ConfigMap v1 is not an ecs-operator kind");
    assertThat(awsClientsMade).hasValue(0);
  }

  @Test
  void runRefusesAMistypedShardSelectorOrRateShareBeforeStarting() {
    assertThat(run("run", "--selector", "ecsoperator.io/shard in a")).isEqualTo(1);
    assertThat(err.toString())
        .contains("\"ecsoperator.io/shard in a\" is not a requirement (key=value");
    assertThat(run("run", "--selector", "ecsoperator.io/shard=a", "--aws-rate-share", "2"))
        .isEqualTo(1);
    assertThat(err.toString()).contains("the AWS rate share must be more than 0 and at most 1");
    assertThat(awsClientsMade).hasValue(0);
  }
}
