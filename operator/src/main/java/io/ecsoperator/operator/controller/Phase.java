package io.ecsoperator.operator.controller;

/** The three condition patterns of the status contract (DESIGN §5, R4–R6). */
enum Phase {
  /** Ready=True, no Reconciling, no Stalled. */
  READY,
  /** Ready=False, Reconciling=True. */
  RECONCILING,
  /** Ready=False, Stalled=True. */
  STALLED,
  /** Ready=False only: observe-only drift, nothing to do but report. */
  NOT_READY
}
