package io.ecsoperator.operator.cli.apply;

import io.ecsoperator.operator.cli.manifest.Manifest;
import java.io.PrintWriter;

/** Progress for logs and pipes: one line each time an object's state changes. */
public final class PlainProgress implements Applier.Progress {

  private final PrintWriter out;

  public PlainProgress(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void update(Manifest<?, ?, ?> manifest, ObjectStatus status) {
    out.println(ProgressLine.of(manifest, status));
    out.flush();
  }
}
