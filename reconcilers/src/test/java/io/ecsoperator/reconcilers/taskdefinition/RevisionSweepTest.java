package io.ecsoperator.reconcilers.taskdefinition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The sharing and ageing of region sweeps, against a recorded fake of the sweep. */
class RevisionSweepTest {

  private static final String REGION = "eu-west-1";
  private static final Duration MAX_AGE = Duration.ofSeconds(10);

  private final List<String> sweeps = Collections.synchronizedList(new ArrayList<>());
  private final Set<String> active = new HashSet<>();
  private final Map<String, Map<String, String>> tags = new HashMap<>();
  private final AtomicLong now = new AtomicLong();
  private final RevisionSweep sweep = new RevisionSweep(this::call, MAX_AGE, now::get);

  private RevisionSweep.Seen call(String region) {
    sweeps.add(region);
    return new RevisionSweep.Seen(Set.copyOf(active), Map.copyOf(tags));
  }

  private static String arn(int family) {
    return "arn:aws:ecs:" + REGION + ":123456789012:task-definition/web-" + family + ":1";
  }

  private List<String> owned(int count) {
    List<String> arns = IntStream.rangeClosed(1, count).mapToObj(RevisionSweepTest::arn).toList();
    arns.forEach(
        arn -> {
          active.add(arn);
          tags.put(arn, Map.of("ecsoperator.io/owner", "ns/" + arn.hashCode()));
        });
    return arns;
  }

  @Test
  void theDriftChecksOf50RevisionsOfARegionShareOneSweep() {
    List<String> arns = owned(50);

    arns.forEach(arn -> assertThat(sweep.activeTags(REGION, arn)).isEqualTo(tags.get(arn)));

    assertThat(sweeps).containsExactly(REGION);
  }

  @Test
  void aSweepIsKeptUntilItIsMaxAgeOldAndRegionsAreSweptApart() {
    String arn = owned(1).get(0);
    sweep.activeTags(REGION, arn);
    now.addAndGet(MAX_AGE.toNanos() - 1);
    sweep.activeTags(REGION, arn);
    sweep.activeTags("us-east-1", arn);
    now.addAndGet(1);
    sweep.activeTags(REGION, arn);

    assertThat(sweeps).containsExactly(REGION, "us-east-1", REGION);
  }

  @Test
  void aRevisionNotActiveOrNotTaggedAsOursGetsNoAnswer() {
    String deregistered = owned(2).get(0);
    active.remove(deregistered);
    String foreign = arn(3);
    active.add(foreign);

    assertThat(sweep.activeTags(REGION, deregistered)).isNull();
    assertThat(sweep.activeTags(REGION, foreign)).isNull();
    assertThat(sweep.activeTags(REGION, arn(2))).isNotNull();
  }

  @Test
  void ourOwnWriteStopsEarlierSweepsVouchingForTheRevision() {
    List<String> arns = owned(2);
    sweep.activeTags(REGION, arns.get(0));
    now.addAndGet(1);

    sweep.changed(arns.get(0));

    assertThat(sweep.activeTags(REGION, arns.get(0))).as("changed since the sweep").isNull();
    assertThat(sweep.activeTags(REGION, arns.get(1))).isNotNull();
    now.addAndGet(MAX_AGE.toNanos());
    assertThat(sweep.activeTags(REGION, arns.get(0))).as("a sweep after the write").isNotNull();
    assertThat(sweeps).hasSize(2);
  }

  @Test
  void aFailedSweepFailsItsReadersAndIsNotKept() {
    RevisionSweep failing =
        new RevisionSweep(
            region -> {
              sweeps.add(region);
              throw new IllegalStateException("throttled");
            },
            MAX_AGE,
            now::get);

    assertThatThrownBy(() -> failing.activeTags(REGION, arn(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("throttled");
    assertThatThrownBy(() -> failing.activeTags(REGION, arn(1)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(sweeps).hasSize(2);
  }
}
