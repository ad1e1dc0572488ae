package io.ecsoperator.operator.cli.apply;

import io.ecsoperator.operator.cli.manifest.Manifest;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Progress on a terminal: one line per object, redrawn in place (ANSI cursor-up and erase-line) as
 * states change, cut to the terminal's width so that no line wraps and the redraw stays aligned.
 */
public final class LiveProgress implements Applier.Progress {

  private static final String UP = "\u001b[%dA";
  private static final String ERASE_LINE = "\u001b[2K\r";

  private final PrintWriter out;
  private final int width;
  private final Map<Manifest<?, ?, ?>, String> lines = new LinkedHashMap<>();
  private boolean drawn;

  public LiveProgress(PrintWriter out, int width, List<Manifest<?, ?, ?>> manifests) {
    this.out = out;
    this.width = width;
    manifests.forEach(m -> lines.put(m, ProgressLine.of(m, ObjectStatus.waiting(Applier.NOT_YET))));
    redraw();
  }

  @Override
  public synchronized void update(Manifest<?, ?, ?> manifest, ObjectStatus status) {
    lines.put(manifest, ProgressLine.of(manifest, status));
    redraw();
  }

  private void redraw() {
    if (lines.isEmpty()) {
      return;
    }
    StringBuilder frame = new StringBuilder();
    if (drawn) {
      frame.append(String.format(UP, lines.size()));
    }
    for (String line : lines.values()) {
      frame.append(ERASE_LINE).append(fit(line)).append('\n');
    }
    out.print(frame);
    out.flush();
    drawn = true;
  }

  private String fit(String line) {
    return line.length() <= width ? line : line.substring(0, Math.max(0, width - 1)) + "…";
  }
}
