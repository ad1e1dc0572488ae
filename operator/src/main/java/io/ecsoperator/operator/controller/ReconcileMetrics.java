package io.ecsoperator.operator.controller;

import java.time.Duration;

/** Told how each reconcile and each deletion step ended: the operator's metrics. */
public interface ReconcileMetrics {

  ReconcileMetrics NONE =
      new ReconcileMetrics() {
        @Override
        public void reconciled(String kind, String operation, String result, Duration took) {}

        @Override
        public void driftCorrected(String kind) {}
      };

  /**
   * @param operation "reconcile" or "delete"
   * @param result how it ended: the engine's state (ready, progressing, retrying, stalled,
   *     drifted), the deletion's progress (done, waiting, blocked), or "error" when it threw
   */
  void reconciled(String kind, String operation, String result, Duration took);

  /** A change made outside the operator was undone in AWS. */
  void driftCorrected(String kind);
}
