package io.ecsoperator.operator.cli.apply;

import io.ecsoperator.operator.cli.manifest.Manifest;

/**
 * How one object's state is written: {@code EcrRepository default/web (repository web): Ready:
 * ...}.
 */
final class ProgressLine {

  private ProgressLine() {}

  static String of(Manifest<?, ?, ?> manifest, ObjectStatus status) {
    return manifest.id() + " (" + manifest.describe() + "): " + status.describe();
  }
}
