package io.ecsoperator.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.reconcilers.engine.ReconcileOutcome;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome.State;
import org.junit.jupiter.api.Test;

class NextCheckTest {

  private static ReconcileOutcome<Object> outcome(State state, String reason) {
    return ReconcileOutcome.of(state, reason, "message", null);
  }

  @Test
  void workInProgressIsCheckedSoon() {
    assertThat(NextCheck.soon(outcome(State.PROGRESSING, "Deploying"), true)).isTrue();
  }

  @Test
  void aWaitForWatchedObjectsWaitsForTheirChangeNotThePollingInterval() {
    ReconcileOutcome<Object> waiting =
        outcome(State.PROGRESSING, DependencyWait.WAITING_FOR_DEPENDENCY);

    assertThat(NextCheck.soon(waiting, true)).isFalse();
    assertThat(NextCheck.soon(waiting, false)).as("nothing would wake it").isTrue();
  }

  @Test
  void anObjectWaitingForTheOwnerOfItsRegistrySettingIsCheckedSoon() {
    assertThat(NextCheck.soon(outcome(State.STALLED, RegistrySettingOwners.OWNED_BY_OTHER), true))
        .isTrue();
  }

  @Test
  void aReadyObjectWaitsForItsDriftCheck() {
    assertThat(NextCheck.soon(outcome(State.READY, "InSync"), true)).isFalse();
  }
}
