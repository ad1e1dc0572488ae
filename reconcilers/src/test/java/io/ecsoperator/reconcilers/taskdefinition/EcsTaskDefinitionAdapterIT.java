package io.ecsoperator.reconcilers.taskdefinition;

import static io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionFixtures.FARGATE_WEB;
import static io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionFixtures.json;
import static io.ecsoperator.reconcilers.taskdefinition.TaskDefinitionFixtures.pastedYaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsoperator.crds.taskdefinition.EcsTaskDefinitionSpec;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.engine.DeleteOutcome;
import io.ecsoperator.reconcilers.engine.Notice;
import io.ecsoperator.reconcilers.engine.Observation;
import io.ecsoperator.reconcilers.engine.Ownership;
import io.ecsoperator.reconcilers.engine.ReconcileEngine;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome.State;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import io.ecsoperator.reconcilers.json.SdkJson;
import io.ecsoperator.reconcilers.tags.EcsTags;
import io.ecsoperator.testsupport.AdapterIT;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;

/**
 * The task definition adapter and the reconcile engine against moto (DESIGN §3, §6, §7): one
 * revision per real change and never a duplicate, tags without revisions, the revision history
 * limit, ownership and deregistration.
 *
 * <p>moto, unlike AWS, keeps RegisterTaskDefinition's input as it is (no hostPort, protocol or
 * healthCheck defaults added), drops enableFaultInjection, ignores ListTaskDefinitions' sort and
 * never pages; the adapter sorts and pages itself, and the AWS defaults are covered by the pasted
 * real describe outputs below and by {@link TaskDefinitionDiffTest}.
 */
class EcsTaskDefinitionAdapterIT extends AdapterIT<EcsTaskDefinitionSpec, TaskDefinitionState> {

  private static final String FAMILY = "web-adapter";

  /** A drift check's reads: the region's ACTIVE revisions and the owned revisions' tags. */
  private static final Map<String, Integer> SWEEP =
      Map.of("ListTaskDefinitions", 1, "GetResources", 1);

  /**
   * The web fixture's spec as a user writes it (every container field moto keeps), with the
   * task-level settings it lacks, in the test bed's region.
   */
  private static final String FULL_SPEC =
      TaskDefinitionDiffTest.WEB_SPEC.replace("family: web\n", "family: " + FAMILY + "\n")
          + """
          region: %s
          ephemeralStorage:
            sizeInGiB: 30
          volumes:
            - name: cache
          revisionHistoryLimit: 10
          """;

  private final TaskDefinitionCache cache = new TaskDefinitionCache();
  private final Set<String> servicesRun = new HashSet<>();
  private EcsClient ecs;

  @Override
  protected ResourceAdapter<EcsTaskDefinitionSpec, TaskDefinitionState> newAdapter(
      AwsClientFactory aws) {
    return adapterKnowing(aws, KnownRevisions.NONE, cache);
  }

  @Override
  protected Class<EcsTaskDefinitionSpec> specClass() {
    return EcsTaskDefinitionSpec.class;
  }

  @Override
  protected String fullSpecYaml() {
    return FULL_SPEC.formatted(bed.region());
  }

  @BeforeEach
  void ecsClient() {
    ecs = aws.forRegion(null).ecs();
  }

  @Test
  void theFirstReconcileRegistersOneRevisionTaggedAsThisObjectsWithItsSpecHash() {
    EcsTaskDefinitionSpec spec = fullSpec();

    ReconcileOutcome<TaskDefinitionState> outcome = reconcile(spec, false);

    assertThat(outcome.state()).as(outcome.message()).isEqualTo(State.READY);
    assertThat(outcome.notices()).extracting(Notice::reason).containsExactly("Created");
    assertThat(calls.writes()).isEqualTo(Map.of("RegisterTaskDefinition", 1));
    assertThat(outcome.actual().revision()).isEqualTo(1);
    assertThat(outcome.actual().arn()).isEqualTo(arn(1));
    assertThat(outcome.actual().registeredRevisions()).containsExactly(arn(1));
    assertThat(tags(1))
        .isEqualTo(
            Map.of(
                "team",
                "web",
                "cost-center",
                "cc-42",
                OWNER_TAG,
                "ns/name",
                ResourceRef.UID_TAG,
                "uid",
                TaskDefinitionSpecHash.TAG,
                TaskDefinitionSpecHash.of(spec)));
    assertThat(describe(1).taskDefinition().cpu()).isEqualTo("1 vCPU");

    Observation<TaskDefinitionState> again = adapter.observe(REF, spec);
    assertThat(again.ownership()).isEqualTo(Ownership.OURS);
    assertThat(again.changes().changes()).as("changes after register").isEmpty();
  }

  @Test
  void aDriftCheckOfAnInSyncRevisionIsOneSweepOfTheRegionAndNoWrite() {
    assertThat(reconcile(fullSpec(), false).state()).isEqualTo(State.READY);
    calls.reset();

    ReconcileOutcome<TaskDefinitionState> again = reconcile(fullSpec(), true);

    assertThat(again.state()).isEqualTo(State.READY);
    assertThat(again.notices()).isEmpty();
    assertThat(calls.all()).isEqualTo(SWEEP);
  }

  @Test
  void aNewGenerationDescribesTheCurrentRevisionRatherThanTrustTheSweep() {
    assertThat(reconcile(fullSpec(), false).state()).isEqualTo(State.READY);
    String current = arn(1);
    calls.reset();
    var fresh =
        new EcsTaskDefinitionAdapter(
            aws,
            cache,
            RevisionSweep.on(aws, Duration.ofMinutes(1)),
            true,
            FAMILY,
            new KnownRevisions(current, List.of(current)),
            Set::of);

    assertThat(fresh.observe(REF, fullSpec()).changes().changes()).isEmpty();

    assertThat(calls.all()).isEqualTo(Map.of("DescribeTaskDefinition", 1));
  }

  @Test
  void changingTheImageRegistersExactlyOneNewRevision() {
    assertThat(reconcile(fullSpec(), false).state()).isEqualTo(State.READY);
    calls.reset();

    ReconcileOutcome<TaskDefinitionState> outcome = reconcile(withImage("1.5.0"), false);

    assertThat(outcome.state()).as(outcome.message()).isEqualTo(State.READY);
    assertThat(outcome.notices())
        .extracting(Notice::message)
        .containsExactly("updated containerDefinitions[web].image");
    assertThat(calls.writes()).isEqualTo(Map.of("RegisterTaskDefinition", 1));
    assertThat(outcome.actual().revision()).isEqualTo(2);
    assertThat(outcome.actual().registeredRevisions()).containsExactly(arn(1), arn(2));
    assertThat(describe(2).taskDefinition().containerDefinitions())
        .anySatisfy(c -> assertThat(c.image()).endsWith("team/web:1.5.0"));
    assertThat(status(1)).as("within the history limit").isEqualTo("ACTIVE");

    calls.reset();
    assertThat(reconcile(withImage("1.5.0"), true).notices()).isEmpty();
    assertThat(calls.writes()).isEmpty();
  }

  @Test
  void aLostStatusFindsTheRevisionByItsOwnerTagAndRegistersNothing() {
    assertThat(reconcile(fullSpec(), false).state()).isEqualTo(State.READY);
    assertThat(reconcile(withImage("1.5.0"), false).state()).isEqualTo(State.READY);
    calls.reset();
    var forgetful = adapterKnowing(aws, KnownRevisions.NONE, new TaskDefinitionCache());

    ReconcileOutcome<TaskDefinitionState> outcome =
        ReconcileEngine.reconcile(forgetful, REF, withImage("1.5.0"), true);

    assertThat(outcome.state()).as(outcome.message()).isEqualTo(State.READY);
    assertThat(outcome.notices()).isEmpty();
    assertThat(calls.writes()).isEmpty();
    assertThat(outcome.actual().arn()).isEqualTo(arn(2));
    assertThat(outcome.actual().registeredRevisions()).containsExactly(arn(1), arn(2));
  }

  /**
   * The operator registered revision 2 and died before writing it to the status: the status still
   * says revision 1, the spec says what revision 2 holds.
   */
  @Test
  void aCrashBetweenRegisterAndStatusWriteDoesNotRegisterADuplicate() {
    assertThat(reconcile(fullSpec(), false).state()).isEqualTo(State.READY);
    assertThat(reconcile(withImage("1.5.0"), false).actual().revision()).isEqualTo(2);
    calls.reset();
    var restarted =
        adapterKnowing(aws, new KnownRevisions(arn(1), List.of(arn(1))), new TaskDefinitionCache());

    ReconcileOutcome<TaskDefinitionState> outcome =
        ReconcileEngine.reconcile(restarted, REF, withImage("1.5.0"), false);

    assertThat(outcome.state()).as(outcome.message()).isEqualTo(State.READY);
    assertThat(calls.writes()).isEmpty();
    assertThat(outcome.actual().arn()).isEqualTo(arn(2));
    assertThat(outcome.actual().registeredRevisions()).containsExactly(arn(1), arn(2));
    assertThat(activeRevisions()).containsExactly(arn(1), arn(2));
  }

  /**
   * A revert registers the earlier spec again, as the family's newest revision: ECS runs that one
   * for the bare family name, so pointing the status back at revision 1 would leave whatever uses
   * "web-adapter" on revision 2.
   */
  @Test
  void revertingToAnEarlierSpecRegistersItAgainAsTheFamilysNewestRevision() {
    assertThat(reconcile(fullSpec(), false).state()).isEqualTo(State.READY);
    assertThat(reconcile(withImage("1.5.0"), false).actual().revision()).isEqualTo(2);
    calls.reset();

    ReconcileOutcome<TaskDefinitionState> outcome = reconcile(fullSpec(), false);

    assertThat(outcome.state()).as(outcome.message()).isEqualTo(State.READY);
    assertThat(calls.writes()).isEqualTo(Map.of("RegisterTaskDefinition", 1));
    assertThat(outcome.actual().arn()).isEqualTo(arn(3));
    assertThat(
            ecs.describeTaskDefinition(r -> r.taskDefinition(FAMILY)).taskDefinition().revision())
        .as("the family's newest revision")
        .isEqualTo(3);
    assertThat(outcome.actual().registeredRevisions()).containsExactly(arn(1), arn(2), arn(3));

    calls.reset();
    assertThat(reconcile(fullSpec(), true).notices()).isEmpty();
    assertThat(calls.writes()).isEmpty();
  }

  @Test
  void theHistoryLimitDeregistersOnlyOwnRevisionsNoServiceRuns() {
    EcsTaskDefinitionSpec limited = limited(fullSpec());
    assertThat(reconcile(limited, false).actual().revision()).isEqualTo(1);
    servicesRun.add(arn(1));
    registerOutOfBand(Map.of("team", "web"));
    registerOutOfBand(
        Map.of(
            OWNER_TAG, "ns/other", TaskDefinitionSpecHash.TAG, TaskDefinitionSpecHash.of(limited)));

    assertThat(reconcile(limited(withImage("2")), false).actual().revision()).isEqualTo(4);
    assertThat(reconcile(limited(withImage("3")), false).actual().revision()).isEqualTo(5);
    calls.reset();
    ReconcileOutcome<TaskDefinitionState> outcome = reconcile(limited(withImage("4")), false);

    assertThat(outcome.state()).as(outcome.message()).isEqualTo(State.READY);
    assertThat(calls.writes())
        .isEqualTo(Map.of("RegisterTaskDefinition", 1, "DeregisterTaskDefinition", 1));
    assertThat(outcome.actual().revision()).isEqualTo(6);
    assertThat(status(4)).as("own, past the limit, no service runs it").isEqualTo("INACTIVE");
    assertThat(activeRevisions())
        .as("1 runs in a service, 2 and 3 are not this object's, 5 is the history, 6 current")
        .containsExactly(arn(1), arn(2), arn(3), arn(5), arn(6));
    assertThat(outcome.actual().registeredRevisions()).containsExactly(arn(1), arn(5), arn(6));

    servicesRun.clear();
    calls.reset();
    assertThat(reconcile(limited(withImage("5")), false).actual().revision()).isEqualTo(7);
    assertThat(calls.writes())
        .isEqualTo(Map.of("RegisterTaskDefinition", 1, "DeregisterTaskDefinition", 2));
    assertThat(activeRevisions()).containsExactly(arn(2), arn(3), arn(6), arn(7));
  }

  /**
   * A lowered revisionHistoryLimit takes effect at once, not at the next change of content; a
   * revision a service runs stays, and keeping it is no change at the next drift check.
   */
  @Test
  void loweringTheHistoryLimitDeregistersWhatIsPastItWithoutANewRevision() {
    assertThat(reconcile(fullSpec(), false).actual().revision()).isEqualTo(1);
    assertThat(reconcile(withImage("2"), false).actual().revision()).isEqualTo(2);
    assertThat(reconcile(withImage("3"), false).actual().revision()).isEqualTo(3);
    calls.reset();

    ReconcileOutcome<TaskDefinitionState> outcome = reconcile(limited(withImage("3")), false);

    assertThat(outcome.state()).as(outcome.message()).isEqualTo(State.READY);
    assertThat(outcome.notices())
        .extracting(Notice::message)
        .containsExactly("updated revisionHistoryLimit");
    assertThat(calls.writes()).isEqualTo(Map.of("DeregisterTaskDefinition", 1));
    assertThat(activeRevisions()).containsExactly(arn(2), arn(3));
    assertThat(outcome.actual().arn()).isEqualTo(arn(3));
    assertThat(outcome.actual().registeredRevisions()).containsExactly(arn(2), arn(3));

    calls.reset();
    assertThat(reconcile(limited(withImage("3")), true).notices()).isEmpty();
    assertThat(calls.all()).isEqualTo(SWEEP);

    servicesRun.add(arn(2));
    EcsTaskDefinitionSpec none = limited(withImage("3"));
    none.revisionHistoryLimit = 0;
    ReconcileOutcome<TaskDefinitionState> kept = reconcile(none, false);

    assertThat(kept.state()).as(kept.message()).isEqualTo(State.READY);
    assertThat(kept.notices()).as("revision 2 runs in a service").isEmpty();
    assertThat(calls.writes()).isEmpty();
    assertThat(activeRevisions()).containsExactly(arn(2), arn(3));
  }

  @Test
  void changingOnlyTagsTagsTheCurrentRevisionAndRegistersNothing() {
    assertThat(reconcile(fullSpec(), false).state()).isEqualTo(State.READY);
    calls.reset();
    EcsTaskDefinitionSpec spec =
        spec(
            fullSpecYaml()
                .replace("team: web", "team: api")
                .replace("  cost-center: cc-42\n", "  owner: platform\n"));

    ReconcileOutcome<TaskDefinitionState> outcome = reconcile(spec, false);

    assertThat(outcome.state()).as(outcome.message()).isEqualTo(State.READY);
    assertThat(outcome.notices()).extracting(Notice::message).containsExactly("updated tags");
    assertThat(calls.writes()).isEqualTo(Map.of("TagResource", 1, "UntagResource", 1));
    assertThat(outcome.actual().revision()).isEqualTo(1);
    assertThat(tags(1))
        .containsEntry("team", "api")
        .containsEntry("owner", "platform")
        .doesNotContainKey("cost-center")
        .containsEntry(OWNER_TAG, "ns/name")
        .containsKey(TaskDefinitionSpecHash.TAG);
    assertThat(activeRevisions()).containsExactly(arn(1));

    calls.reset();
    assertThat(reconcile(spec, true).notices()).isEmpty();
    assertThat(calls.writes()).isEmpty();
  }

  @Test
  void aTagChangedOutsideTheOperatorIsSeenByTheSweepAndRestored() {
    assertThat(reconcile(fullSpec(), false).state()).isEqualTo(State.READY);
    ecs.untagResource(r -> r.resourceArn(arn(1)).tagKeys("team"));
    calls.reset();

    ReconcileOutcome<TaskDefinitionState> outcome = reconcile(fullSpec(), true);

    assertThat(outcome.notices())
        .extracting(Notice::reason, Notice::message)
        .containsExactly(
            tuple("DriftCorrected", "corrected changes made outside the operator: tags"));
    assertThat(calls.all()).containsAllEntriesOf(SWEEP).doesNotContainKey("DescribeTaskDefinition");
    assertThat(calls.writes()).isEqualTo(Map.of("TagResource", 1));
    assertThat(tags(1)).containsEntry("team", "web");
  }

  @Test
  void aRevisionDeregisteredOutsideTheOperatorIsReplacedByANewOne() {
    assertThat(reconcile(fullSpec(), false).state()).isEqualTo(State.READY);
    ecs.deregisterTaskDefinition(r -> r.taskDefinition(arn(1)));
    calls.reset();

    ReconcileOutcome<TaskDefinitionState> outcome = reconcile(fullSpec(), true);

    assertThat(outcome.state()).as(outcome.message()).isEqualTo(State.READY);
    assertThat(outcome.notices())
        .extracting(Notice::reason, Notice::message)
        .containsExactly(
            tuple("DriftCorrected", "corrected changes made outside the operator: status"));
    assertThat(calls.writes()).isEqualTo(Map.of("RegisterTaskDefinition", 1));
    assertThat(outcome.actual().arn()).isEqualTo(arn(2));
    assertThat(outcome.actual().registeredRevisions()).containsExactly(arn(2));
  }

  @Test
  void deletingDeregistersTheRevisionsThisObjectRegisteredAndNoOther() {
    registerOutOfBand(Map.of());
    var adopting = spec(pastedFargateWeb() + "adopt: true\nrevisionHistoryLimit: 10\n");
    assertThat(reconcile(adopting, false).actual().revision()).isEqualTo(1);
    assertThat(reconcile(withImage("2"), false).actual().revision()).isEqualTo(2);
    assertThat(reconcile(withImage("3"), false).actual().revision()).isEqualTo(3);
    ecs.registerTaskDefinition(
        request(withImage("4")).toBuilder()
            .tags(Tag.builder().key(OWNER_TAG).value("ns/other").build())
            .build());
    calls.reset();

    DeleteOutcome outcome = ReconcileEngine.delete(adapter, REF, withImage("3"));

    assertThat(outcome).isEqualTo(DeleteOutcome.DONE);
    assertThat(calls.writes())
        .as("the adopted revision 1 is untagged")
        .isEqualTo(Map.of("DeregisterTaskDefinition", 2, "UntagResource", 1));
    assertThat(tags(1)).doesNotContainKeys(OWNER_TAG, ResourceRef.UID_TAG);
    assertThat(status(2)).isEqualTo("INACTIVE");
    assertThat(status(3)).isEqualTo("INACTIVE");
    assertThat(activeRevisions())
        .as("1 was adopted, not registered by this object; 4 is another object's")
        .containsExactly(arn(1), arn(4));

    calls.reset();
    assertThat(ReconcileEngine.delete(adapter, REF, withImage("3"))).isEqualTo(DeleteOutcome.DONE);
    assertThat(calls.writes()).as("a second delete has nothing left to do").isEmpty();
  }

  /**
   * Deleting the object leaves the revision it adopted ACTIVE and gives it back untagged: otherwise
   * the family would stay owned by an object that is gone, and any other object adopting it (a move
   * to another namespace) would stall with OwnedByOther.
   */
  @Test
  void deletingReleasesTheRevisionItAdoptedSoAnotherObjectCanAdoptIt() {
    Map<String, String> userTags = Map.of("team", "web", "cost-center", "cc-42");
    registerOutOfBand(userTags);
    EcsTaskDefinitionSpec adopting = spec(pastedFargateWeb() + "adopt: true\n");
    assertThat(reconcile(adopting, false).notices()).extracting(Notice::reason).contains("Adopted");
    calls.reset();

    assertThat(ReconcileEngine.delete(adapter, REF, adopting)).isEqualTo(DeleteOutcome.DONE);

    assertThat(calls.writes()).isEqualTo(Map.of("UntagResource", 1));
    assertThat(status(1)).isEqualTo("ACTIVE");
    assertThat(tags(1)).isEqualTo(userTags);

    ResourceRef successor = new ResourceRef("moved", "web", "uid-2");
    ReconcileOutcome<TaskDefinitionState> adoptedAgain =
        ReconcileEngine.reconcile(
            adapterKnowing(aws, KnownRevisions.NONE, cache), successor, adopting, false);

    assertThat(adoptedAgain.state()).as(adoptedAgain.message()).isEqualTo(State.READY);
    assertThat(tags(1)).containsEntry(OWNER_TAG, "moved/web");
  }

  /** The pasted output of a real describe-task-definition is no change from that revision. */
  @Test
  void aPastedDescribeOutputShowsNoDiffAndIsAdoptedWithoutANewRevision() {
    registerOutOfBand(Map.of("team", "web", "cost-center", "cc-42"));
    EcsTaskDefinitionSpec pasted = spec(pastedFargateWeb());

    Observation<TaskDefinitionState> observation = adapter.observe(REF, pasted);

    assertThat(observation.exists()).isTrue();
    assertThat(observation.ownership()).isEqualTo(Ownership.UNOWNED);
    assertThat(observation.changes().changes()).isEmpty();

    assertThat(reconcile(pasted, false).reason()).isEqualTo("AlreadyExists");
    calls.reset();
    ReconcileOutcome<TaskDefinitionState> adopted =
        reconcile(spec(pastedFargateWeb() + "adopt: true\n"), false);

    assertThat(adopted.state()).as(adopted.message()).isEqualTo(State.READY);
    assertThat(adopted.notices()).extracting(Notice::reason).containsExactly("Adopted");
    assertThat(calls.writes()).isEqualTo(Map.of("TagResource", 1));
    assertThat(adopted.actual().arn()).isEqualTo(arn(1));
    assertThat(adopted.actual().registeredRevisions()).as("adopted, not registered").isEmpty();
    assertThat(tags(1))
        .containsEntry(OWNER_TAG, "ns/name")
        .containsEntry("team", "web")
        .doesNotContainKey(TaskDefinitionSpecHash.TAG);

    calls.reset();
    assertThat(reconcile(spec(pastedFargateWeb() + "adopt: true\n"), true).notices()).isEmpty();
    assertThat(calls.writes()).isEmpty();
  }

  /**
   * What the operator registered from the example as the user wrote it, and the real describe
   * output of that example pasted back (with every default AWS adds) mean the same.
   */
  @Test
  void theExampleAsAwsDescribesItIsNoChangeFromTheExampleAsWritten() throws IOException {
    String example =
        Files.readString(bed.repoRoot().resolve("examples/fargate-web/task-definition.yaml"));
    EcsTaskDefinitionSpec written =
        spec(
            example
                .substring(example.indexOf("spec:\n") + 6)
                .indent(-2)
                .replace("family: web\n", "family: " + FAMILY + "\n"));
    assertThat(reconcile(written, false).state()).isEqualTo(State.READY);
    calls.reset();

    ReconcileOutcome<TaskDefinitionState> outcome = reconcile(spec(pastedFargateWeb()), true);

    assertThat(outcome.state()).as(outcome.message()).isEqualTo(State.READY);
    assertThat(calls.writes()).isEmpty();
  }

  @Test
  void observeOnlyReportsDriftAndNeverWrites() {
    registerOutOfBand(Map.of());
    calls.reset();

    ReconcileOutcome<TaskDefinitionState> outcome =
        reconcile(
            spec(
                pastedFargateWeb().replace("web:1.0.0", "web:1.1.0")
                    + "managementPolicy: ObserveOnly\n"),
            false);

    assertThat(outcome.state()).isEqualTo(State.DRIFTED);
    assertThat(outcome.drift())
        .extracting(c -> c.path())
        .containsExactly("containerDefinitions[nginx].image");
    assertThat(calls.writes()).isEmpty();
  }

  @Test
  void awsRefusingTheTaskDefinitionStallsWithAwsMessage() {
    EcsTaskDefinitionSpec noMemory =
        spec(
            """
            family: web-adapter
            requiresCompatibilities: [EC2]
            containerDefinitions:
              - name: web
                image: nginx:1.27
            """);

    ReconcileOutcome<TaskDefinitionState> outcome = reconcile(noMemory, false);

    assertThat(outcome.state()).isEqualTo(State.STALLED);
    assertThat(outcome.reason()).isEqualTo("Client");
    assertThat(outcome.message())
        .isEqualTo(
            "Invalid setting for container 'web'. At least one of 'memory' or"
                + " 'memoryReservation' must be specified.");
    assertThat(calls.writes()).isEqualTo(Map.of("RegisterTaskDefinition", 1));
    assertThat(activeRevisions()).isEmpty();
  }

  @Test
  void aRevisionIsRegisteredInTheSpecsRegion() {
    EcsTaskDefinitionSpec spec =
        spec(fullSpecYaml().replace("region: " + bed.region(), "region: " + otherRegion()));

    ReconcileOutcome<TaskDefinitionState> outcome = reconcile(spec, false);

    assertThat(outcome.state()).as(outcome.message()).isEqualTo(State.READY);
    assertThat(outcome.actual().arn()).startsWith("arn:aws:ecs:" + otherRegion() + ":");
    assertThat(activeRevisions()).as("none in the default region").isEmpty();
    assertThat(reconcile(spec, true).notices()).isEmpty();
  }

  private EcsTaskDefinitionAdapter adapterKnowing(
      AwsClientFactory clients, KnownRevisions known, TaskDefinitionCache revisions) {
    return new EcsTaskDefinitionAdapter(
        clients,
        revisions,
        // Swept at every read: the tests change revisions outside the operator between reconciles.
        RevisionSweep.on(clients, Duration.ZERO),
        false,
        FAMILY,
        known,
        () -> Set.copyOf(servicesRun));
  }

  private EcsTaskDefinitionSpec withImage(String tag) {
    return spec(fullSpecYaml().replace("team/web:1.4.2", "team/web:" + tag));
  }

  private EcsTaskDefinitionSpec limited(EcsTaskDefinitionSpec spec) {
    spec.revisionHistoryLimit = 1;
    return spec;
  }

  /** The Fargate web fixture's taskDefinition as a user pastes it, in this test's family. */
  private static String pastedFargateWeb() {
    String pasted = pastedYaml(FARGATE_WEB).replaceAll("(?m)^family: .*$", "family: " + FAMILY);
    return pasted.endsWith("\n") ? pasted : pasted + "\n";
  }

  /** Registers the Fargate web fixture as a user would, with these tags, as the next revision. */
  private void registerOutOfBand(Map<String, String> tags) {
    ObjectNode pasted =
        TaskDefinitionNormalizer.stripReadOnly(json(FARGATE_WEB).get("taskDefinition"));
    RegisterTaskDefinitionRequest request =
        SdkJson.fromJson(pasted, RegisterTaskDefinitionRequest.builder()).toBuilder()
            .family(FAMILY)
            .tags(EcsTags.toAws(tags))
            .build();
    ecs.registerTaskDefinition(request);
  }

  private RegisterTaskDefinitionRequest request(EcsTaskDefinitionSpec spec) {
    return TaskDefinitionRequests.register(FAMILY, spec, Map.of());
  }

  private DescribeTaskDefinitionResponse describe(int revision) {
    return ecs.describeTaskDefinition(
        r -> r.taskDefinition(FAMILY + ":" + revision).include(TaskDefinitionField.TAGS));
  }

  private String status(int revision) {
    return describe(revision).taskDefinition().statusAsString();
  }

  private Map<String, String> tags(int revision) {
    return EcsTags.of(describe(revision).tags());
  }

  private List<String> activeRevisions() {
    return ecs
        .listTaskDefinitions(r -> r.familyPrefix(FAMILY).status("ACTIVE"))
        .taskDefinitionArns()
        .stream()
        .sorted(
            (a, b) ->
                Long.compare(RevisionArn.parse(a).revision(), RevisionArn.parse(b).revision()))
        .toList();
  }

  private String arn(int revision) {
    return "arn:aws:ecs:"
        + bed.region()
        + ":123456789012:task-definition/"
        + FAMILY
        + ":"
        + revision;
  }
}
