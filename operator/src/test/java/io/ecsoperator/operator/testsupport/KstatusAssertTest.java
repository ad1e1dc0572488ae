package io.ecsoperator.operator.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecsoperator.operator.testsupport.KstatusAssert.Kstatus;
import org.junit.jupiter.api.Test;

/**
 * The helper must reject every status that breaks the contract, or the ITs prove nothing; and
 * kstatus itself must read each phase of the contract as we expect.
 */
class KstatusAssertTest {

  private static final String READY = cond("Ready", "True", "InSync", 2);
  private static final String NOT_READY = cond("Ready", "False", "NotFound", 2);

  @Test
  void acceptsTheThreePhasesAndTheUnseenDefault() {
    assertThat(object(2, "{\"observedGeneration\":-1}").isNotSeenYet().kstatus())
        .isEqualTo(Kstatus.IN_PROGRESS);
    assertThat(object(2, status(2, READY)).isReady().kstatus()).isEqualTo(Kstatus.CURRENT);
    assertThat(
            object(2, status(2, NOT_READY, cond("Reconciling", "True", "NotFound", 2)))
                .isReconciling("NotFound")
                .kstatus())
        .isEqualTo(Kstatus.IN_PROGRESS);
    assertThat(
            object(
                    2,
                    status(
                        2,
                        cond("Ready", "False", "AlreadyExists", 2),
                        cond("Stalled", "True", "AlreadyExists", 2)))
                .isStalled("AlreadyExists")
                .kstatus())
        .isEqualTo(Kstatus.FAILED);
  }

  @Test
  void observeOnlyDriftIsInProgressForKstatusAndDegradedForArgoCd() {
    KstatusAssert drifted = object(2, status(2, cond("Ready", "False", "DriftDetected", 2)));

    assertThat(drifted.isDrifted().kstatus()).isEqualTo(Kstatus.IN_PROGRESS);
    assertThatThrownBy(() -> object(2, status(2, READY)).isDrifted())
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void aDeletedObjectIsTerminatingForKstatus() {
    KstatusAssert deleting =
        KstatusAssert.of(
            """
            {"apiVersion":"ecsoperator.io/v1alpha1","kind":"EcsCluster",
             "metadata":{"name":"web","namespace":"ns","generation":1,
                         "deletionTimestamp":"2026-01-01T00:00:00Z","finalizers":["f"]},
             "status":{"observedGeneration":1}}
            """);
    assertThat(deleting.kstatus()).isEqualTo(Kstatus.TERMINATING);
  }

  @Test
  void rejectsAStatusWrittenForAnOlderGeneration() {
    KstatusAssert stale = object(2, status(1, cond("Ready", "True", "InSync", 1)));
    assertThat(stale.kstatus()).isEqualTo(Kstatus.IN_PROGRESS);
    assertThatThrownBy(stale::isReady)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("R2");
  }

  @Test
  void rejectsAConditionAtAnotherGenerationThanTheStatus() {
    assertThatThrownBy(() -> object(2, status(2, cond("Ready", "True", "InSync", 1))).isReady())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("R2 Ready.observedGeneration");
  }

  @Test
  void rejectsAMissingReadyCondition() {
    assertThatThrownBy(
            () ->
                object(2, status(2, cond("Reconciling", "True", "NotFound", 2)))
                    .isReconciling("NotFound"))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void rejectsReadyWithReconcilingOrStalledPresent() {
    assertThatThrownBy(
            () -> object(2, status(2, READY, cond("Reconciling", "True", "Updating", 2))).isReady())
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(
            () ->
                object(2, status(2, READY, cond("Stalled", "False", "AlreadyExists", 2))).isReady())
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void rejectsStalledAndReconcilingTogether() {
    String both =
        status(
            2,
            NOT_READY,
            cond("Reconciling", "True", "Throttled", 2),
            cond("Stalled", "True", "Throttled", 2));
    assertThatThrownBy(() -> object(2, both).isStalled("Throttled"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("R5 no Reconciling");
    assertThatThrownBy(() -> object(2, both).isReconciling("Throttled"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("R4 no Stalled");
  }

  @Test
  void rejectsTheWrongReasonAndReasonsThatAreNotCamelCase() {
    String stalled =
        status(
            2,
            cond("Ready", "False", "AlreadyExists", 2),
            cond("Stalled", "True", "AlreadyExists", 2));
    assertThatThrownBy(() -> object(2, stalled).isStalled("OwnedByOther"))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> object(2, status(2, cond("Ready", "True", "in sync", 2))).isReady())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("R7");
  }

  @Test
  void rejectsAnObjectTheOperatorAlreadyWrote() {
    assertThatThrownBy(() -> object(2, status(2, READY)).isNotSeenYet())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("R1");
    assertThatThrownBy(() -> object(2, "{}").isNotSeenYet())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("R1");
  }

  private static KstatusAssert object(long generation, String status) {
    return KstatusAssert.of(
        """
        {"apiVersion":"ecsoperator.io/v1alpha1","kind":"EcrRepository",
         "metadata":{"name":"web","namespace":"ns","generation":%d},
         "spec":{},"status":%s}
        """
            .formatted(generation, status));
  }

  private static String status(long observedGeneration, String... conditions) {
    return "{\"observedGeneration\":%d,\"conditions\":[%s]}"
        .formatted(observedGeneration, String.join(",", conditions));
  }

  private static String cond(String type, String status, String reason, long generation) {
    return ("{\"type\":\"%s\",\"status\":\"%s\",\"reason\":\"%s\",\"message\":\"m\","
            + "\"observedGeneration\":%d,\"lastTransitionTime\":\"2026-01-01T00:00:00Z\"}")
        .formatted(type, status, reason, generation);
  }
}
