package io.ecsoperator.operator.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.testsupport.Processes;
import io.ecsoperator.testsupport.TestBed;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a live object against the status contract (DESIGN §5, R1–R7), and at each phase what
 * kstatus and Argo CD (with the chart's health script) make of it, with their own code. Reads the
 * object with {@code kubectl get -o json}, as a user's tools do, or takes its JSON directly.
 */
public final class KstatusAssert {

  /** The statuses kstatus computes for our kinds (its Unknown and NotFound never apply here). */
  public enum Kstatus {
    IN_PROGRESS,
    CURRENT,
    FAILED,
    TERMINATING
  }

  /** The status contract's, and a finished EcsTask's Complete or Failed, as a Job has them. */
  private static final Set<String> CONDITION_TYPES =
      Set.of("Ready", "Reconciling", "Stalled", "Complete", "Failed");

  private static final Pattern CAMEL_CASE = Pattern.compile("[A-Z][A-Za-z0-9]*");
  private static final Pattern WORD_START = Pattern.compile("(?<=[a-z])([A-Z])");

  private final JsonNode object;
  private final String description;

  private KstatusAssert(JsonNode object) {
    this.object = object;
    this.description =
        object.at("/kind").asText()
            + " "
            + object.at("/metadata/namespace").asText()
            + "/"
            + object.at("/metadata/name").asText()
            + " (generation "
            + object.at("/metadata/generation").asText()
            + ") status: "
            + object.path("status");
  }

  public static KstatusAssert of(JsonNode object) {
    return new KstatusAssert(object);
  }

  public static KstatusAssert of(String json) {
    return of(Json.parse(json));
  }

  /** {@code kubectl get <object> -n <namespace> -o json}. */
  public static KstatusAssert live(TestBed bed, String namespace, String object) {
    return of(
        bed.kubectl("get", object, "-n", namespace, "-o", "json")
            .assertSuccess("kubectl get " + object)
            .stdout());
  }

  public JsonNode object() {
    return object;
  }

  /**
   * What kstatus itself (sigs.k8s.io/cli-utils, built by {@code testbed/install-kstatus}) computes
   * for the object: the status Flux's {@code wait: true} and {@code kubectl} tooling act on.
   */
  public Kstatus kstatus() {
    Path checker = BedTools.folder(Repo.root(), "install-kstatus").resolve("kstatus");
    JsonNode result =
        Json.parse(
            Processes.run(
                    Repo.root(),
                    Map.of(),
                    object.toString(),
                    Duration.ofMinutes(1),
                    checker.toString())
                .assertSuccess("kstatus")
                .stdout());
    return Kstatus.valueOf(
        WORD_START
            .matcher(result.path("status").asText())
            .replaceAll("_$1")
            .toUpperCase(Locale.ROOT));
  }

  /** What Argo CD's own health code makes of the object with the chart's health script. */
  public String argoCdHealth() {
    return ArgoCd.ofChart(Repo.root()).health(object).status();
  }

  /** R1: the operator has not written status yet; the CRD default makes the object InProgress. */
  public KstatusAssert isNotSeenYet() {
    assertThat(object.at("/status/observedGeneration").isIntegralNumber())
        .as("R1 status.observedGeneration defaulted; %s", description)
        .isTrue();
    assertThat(object.at("/status/observedGeneration").asLong())
        .as("R1 status.observedGeneration; %s", description)
        .isEqualTo(-1L);
    assertThat(conditions()).as("no conditions yet; %s", description).isEmpty();
    assertThat(kstatus()).as("kstatus; %s", description).isEqualTo(Kstatus.IN_PROGRESS);
    assertThat(argoCdHealth()).as("Argo CD health; %s", description).isEqualTo("Progressing");
    return this;
  }

  /** R4: work in progress or a retryable error. */
  public KstatusAssert isReconciling(String... reasons) {
    checkWritten();
    assertThat(status("Ready")).as("R4 Ready; %s", description).isEqualTo("False");
    assertThat(status("Reconciling")).as("R4 Reconciling; %s", description).isEqualTo("True");
    assertThat(condition("Stalled")).as("R4 no Stalled; %s", description).isNull();
    if (reasons.length > 0) {
      assertThat(reason("Reconciling")).as("Reconciling reason; %s", description).isIn(reasons);
    }
    assertThat(kstatus()).as("kstatus; %s", description).isEqualTo(Kstatus.IN_PROGRESS);
    assertThat(argoCdHealth()).as("Argo CD health; %s", description).isEqualTo("Progressing");
    return this;
  }

  /**
   * R4 for a deployment paused at a PAUSE hook: kstatus waits (InProgress) and Argo CD shows
   * Suspended, so nobody mistakes it for a rollout that moves on by itself.
   */
  public KstatusAssert isAwaitingApproval() {
    checkWritten();
    assertThat(status("Reconciling")).as("R4 Reconciling; %s", description).isEqualTo("True");
    assertThat(reason("Reconciling"))
        .as("Reconciling reason; %s", description)
        .isEqualTo("AwaitingApproval");
    assertThat(condition("Stalled")).as("R4 no Stalled; %s", description).isNull();
    assertThat(kstatus()).as("kstatus; %s", description).isEqualTo(Kstatus.IN_PROGRESS);
    assertThat(argoCdHealth()).as("Argo CD health; %s", description).isEqualTo("Suspended");
    return this;
  }

  /** R5: a terminal error, with a message that says what is wrong. */
  public KstatusAssert isStalled(String reason) {
    checkWritten();
    assertThat(status("Ready")).as("R5 Ready; %s", description).isEqualTo("False");
    assertThat(status("Stalled")).as("R5 Stalled; %s", description).isEqualTo("True");
    assertThat(condition("Reconciling")).as("R5 no Reconciling; %s", description).isNull();
    assertThat(reason("Stalled")).as("Stalled reason; %s", description).isEqualTo(reason);
    assertThat(condition("Stalled").path("message").asText())
        .as("R7 Stalled message; %s", description)
        .isNotBlank();
    assertThat(kstatus()).as("kstatus; %s", description).isEqualTo(Kstatus.FAILED);
    assertThat(argoCdHealth()).as("Argo CD health; %s", description).isEqualTo("Degraded");
    return this;
  }

  /**
   * ObserveOnly drift: AWS differs from the spec and the operator only reports it. Argo CD shows it
   * Degraded; kstatus reads any Ready=False as InProgress, so a Flux Kustomization with {@code
   * wait: true} waits on a drifted object until its timeout.
   */
  public KstatusAssert isDrifted() {
    checkWritten();
    assertThat(status("Ready")).as("Ready; %s", description).isEqualTo("False");
    assertThat(reason("Ready")).as("Ready reason; %s", description).isEqualTo("DriftDetected");
    assertThat(condition("Reconciling")).as("no Reconciling; %s", description).isNull();
    assertThat(condition("Stalled")).as("no Stalled; %s", description).isNull();
    assertThat(kstatus()).as("kstatus; %s", description).isEqualTo(Kstatus.IN_PROGRESS);
    assertThat(argoCdHealth()).as("Argo CD health; %s", description).isEqualTo("Degraded");
    return this;
  }

  /** R6: done, AWS matches the current generation's spec. */
  public KstatusAssert isReady() {
    checkWritten();
    assertThat(status("Ready")).as("R6 Ready; %s", description).isEqualTo("True");
    assertThat(condition("Reconciling")).as("R6 no Reconciling; %s", description).isNull();
    assertThat(condition("Stalled")).as("R6 no Stalled; %s", description).isNull();
    assertThat(kstatus()).as("kstatus; %s", description).isEqualTo(Kstatus.CURRENT);
    assertThat(argoCdHealth()).as("Argo CD health; %s", description).isEqualTo("Healthy");
    return this;
  }

  public KstatusAssert hasGeneration(long expected) {
    assertThat(generation()).as("metadata.generation; %s", description).isEqualTo(expected);
    return this;
  }

  /** The condition of that type, or null. */
  public JsonNode condition(String type) {
    for (JsonNode c : conditions()) {
      if (type.equals(c.path("type").asText())) {
        return c;
      }
    }
    return null;
  }

  /**
   * What every status the operator wrote must satisfy: R2 (status and each condition at the
   * object's generation), R3 (Ready present once), R7 (CamelCase reasons, messages) and the shape
   * of conditions as kubectl wait and kstatus read them.
   */
  private void checkWritten() {
    long generation = generation();
    assertThat(generation).as("metadata.generation; %s", description).isPositive();
    assertThat(object.at("/status/observedGeneration").asLong(Long.MIN_VALUE))
        .as("R2 status.observedGeneration == metadata.generation; %s", description)
        .isEqualTo(generation);
    List<String> types = new ArrayList<>();
    for (JsonNode c : conditions()) {
      String type = c.path("type").asText();
      types.add(type);
      assertThat(type).as("condition type; %s", description).isIn(CONDITION_TYPES);
      assertThat(c.path("status").asText())
          .as("%s status; %s", type, description)
          .isIn("True", "False");
      assertThat(c.path("observedGeneration").asLong(Long.MIN_VALUE))
          .as("R2 %s.observedGeneration; %s", type, description)
          .isEqualTo(generation);
      assertThat(c.path("reason").asText())
          .as("R7 %s reason is CamelCase; %s", type, description)
          .matches(CAMEL_CASE);
      assertThat(c.path("message").asText()).as("%s message; %s", type, description).isNotBlank();
      assertThat(Instant.parse(c.path("lastTransitionTime").asText()))
          .as("%s lastTransitionTime; %s", type, description)
          .isNotNull();
      if (!type.equals("Ready")) {
        assertThat(c.path("status").asText())
            .as("%s is present only when True; %s", type, description)
            .isEqualTo("True");
      }
    }
    assertThat(types)
        .as("R3 Ready present exactly once; %s", description)
        .containsOnlyOnce("Ready");
    assertThat(types).as("condition types unique; %s", description).doesNotHaveDuplicates();
  }

  private long generation() {
    return object.at("/metadata/generation").asLong();
  }

  private List<JsonNode> conditions() {
    List<JsonNode> list = new ArrayList<>();
    object.at("/status/conditions").forEach(list::add);
    return list;
  }

  private String status(String type) {
    JsonNode c = condition(type);
    return c == null ? null : c.path("status").asText();
  }

  private String reason(String type) {
    JsonNode c = condition(type);
    return c == null ? null : c.path("reason").asText();
  }
}
