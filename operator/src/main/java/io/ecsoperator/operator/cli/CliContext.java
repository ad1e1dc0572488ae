package io.ecsoperator.operator.cli;

import io.ecsoperator.operator.cli.kind.CliKinds;
import io.ecsoperator.operator.kinds.KindRegistry;
import io.ecsoperator.reconcilers.aws.AwsCallListener;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsSettings;
import java.io.InputStream;
import java.time.Duration;
import java.util.function.Function;

/**
 * What the CLI commands need from outside: how to reach AWS (only asked once the manifests are
 * valid, so bad input makes no AWS call), the kinds, standard input, and the terminal.
 *
 * @param aws makes the AWS clients, telling the listener about every call
 * @param interactive whether standard output is a terminal (live progress) or not (plain lines)
 * @param terminalWidth columns of the terminal, to keep live progress lines from wrapping
 * @param pollInterval how often apply checks objects that are still settling
 */
public record CliContext(
    Function<AwsCallListener, AwsClientFactory> aws,
    CliKinds kinds,
    InputStream stdin,
    boolean interactive,
    int terminalWidth,
    Duration pollInterval) {

  /** AWS through the SDK's default chains (AWS_REGION, AWS_ENDPOINT_URL...), the real terminal. */
  public static CliContext fromEnvironment() {
    return new CliContext(
        listener -> new AwsClientFactory(AwsSettings.fromEnvironment(), listener),
        KindRegistry.cliKinds(),
        System.in,
        System.console() != null,
        columns(System.getenv("COLUMNS")),
        Duration.ofSeconds(2));
  }

  private static int columns(String value) {
    try {
      return value == null ? 120 : Math.max(40, Integer.parseInt(value.trim()));
    } catch (NumberFormatException e) {
      return 120;
    }
  }
}
