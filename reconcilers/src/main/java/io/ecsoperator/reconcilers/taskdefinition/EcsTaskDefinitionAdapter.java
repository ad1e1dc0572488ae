package io.ecsoperator.reconcilers.taskdefinition;

import io.ecsoperator.crds.taskdefinition.EcsTaskDefinitionSpec;
import io.ecsoperator.reconcilers.aws.ApiCategory;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.ecsoperator.reconcilers.engine.ChangeStrategy;
import io.ecsoperator.reconcilers.engine.CreateResult;
import io.ecsoperator.reconcilers.engine.DeleteOutcome;
import io.ecsoperator.reconcilers.engine.FieldChange;
import io.ecsoperator.reconcilers.engine.Observation;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import io.ecsoperator.reconcilers.tags.EcsTags;
import io.ecsoperator.reconcilers.tags.UserTags;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * ECS task definition families. The AWS resource is the family's current revision: revisions are
 * immutable, so any change of content registers a new one (once: a revision registered from the
 * same spec is found by its spec-hash tag first), a change of tags only tags the current revision,
 * and revisionHistoryLimit deregisters older revisions this object registered.
 *
 * <p>A drift check of an in-sync family reads the current revision known from the status: its
 * content from the cache (it never changes), its status and tags from the {@link RevisionSweep} of
 * its region, which the drift checks of all the region's families share. A new generation of the
 * spec, a revision not cached or one the sweep cannot vouch for is described instead (content,
 * status and tags in one call). Without a usable current revision (a lost status, a revision
 * deregistered or deleted outside the operator) the family's ACTIVE revisions are scanned and their
 * tags tell which are this object's.
 */
public final class EcsTaskDefinitionAdapter
    implements ResourceAdapter<EcsTaskDefinitionSpec, TaskDefinitionState> {

  /** revisionHistoryLimit when the spec leaves it out (the CRD defaults it to the same). */
  static final int DEFAULT_HISTORY_LIMIT = 10;

  /** Path of the change a current revision deregistered outside the operator makes. */
  public static final String STATUS = "status";

  /** Path of the change a history longer than revisionHistoryLimit makes (e.g. a lowered limit). */
  public static final String HISTORY = "revisionHistoryLimit";

  private final AwsClientFactory aws;
  private final TaskDefinitionCache cache;
  private final RevisionSweep sweep;
  private final boolean fresh;
  private final String family;
  private final RevisionsInUse inUse;
  private KnownRevisions known;

  /** The family's scan in this reconcile, so that create need not read it again; null if none. */
  private FamilyRevisions scanned;

  /**
   * @param sweep the status and tags of the region's revisions, shared by drift checks
   * @param fresh true to describe the current revision rather than trust the sweep (a new
   *     generation of the spec, or a one-off run)
   * @param family the AWS family (spec.family or metadata.name)
   * @param known what the object's status knows of its revisions
   * @param inUse revisions EcsServices run, which pruning keeps
   */
  public EcsTaskDefinitionAdapter(
      AwsClientFactory aws,
      TaskDefinitionCache cache,
      RevisionSweep sweep,
      boolean fresh,
      String family,
      KnownRevisions known,
      RevisionsInUse inUse) {
    this.aws = aws;
    this.cache = cache;
    this.sweep = sweep;
    this.fresh = fresh;
    this.family = family;
    this.known = known == null ? KnownRevisions.NONE : known;
    this.inUse = inUse;
  }

  @Override
  public Observation<TaskDefinitionState> observe(ResourceRef ref, EcsTaskDefinitionSpec spec) {
    scanned = null;
    Observation<TaskDefinitionState> observation = find(ref, spec, reader(spec));
    if (!observation.exists()) {
      return observation;
    }
    TaskDefinitionState actual = observation.actual();
    known = new KnownRevisions(actual.arn(), actual.registeredRevisions());
    List<String> past =
        FamilyRevisions.pastLimit(
            actual.registeredRevisions(), actual.arn(), historyLimit(spec), inUse::arns);
    if (past.isEmpty()) {
      return observation;
    }
    long kept = actual.registeredRevisions().stream().filter(a -> !a.equals(actual.arn())).count();
    List<FieldChange> changes = new ArrayList<>(observation.changes().changes());
    changes.add(new FieldChange(HISTORY, historyLimit(spec), kept, ChangeStrategy.IN_PLACE));
    return new Observation<>(
        actual, observation.ownership(), new ChangeSet(changes), observation.owner());
  }

  private Observation<TaskDefinitionState> find(
      ResourceRef ref, EcsTaskDefinitionSpec spec, TaskDefinitionReader reader) {
    TaskDefinitionState current =
        known.current() == null ? null : current(reader, spec, known.current());
    if (current != null && current.active()) {
      return observed(ref, spec, current.withRegisteredRevisions(known.registered()));
    }
    FamilyRevisions revisions = scan(reader);
    Optional<TaggedRevision> ours = revisions.newestOwnedBy(ref);
    if (ours.isPresent()) {
      return observed(ref, spec, state(reader, ours.get(), revisions.registeredBy(ref)));
    }
    if (current != null) {
      // Deregistered outside the operator, with no ACTIVE revision of this object left.
      List<FieldChange> changes = new ArrayList<>();
      changes.add(
          new FieldChange(
              STATUS, TaskDefinitionState.ACTIVE, current.status(), ChangeStrategy.NEW_REVISION));
      changes.addAll(diff(spec, current).changes());
      return new Observation<>(
          current.withRegisteredRevisions(List.of()),
          ref.ownershipOf(current.tags()),
          new ChangeSet(changes));
    }
    Optional<TaggedRevision> newest = revisions.newest();
    if (newest.isEmpty()) {
      return Observation.absent();
    }
    TaskDefinitionState found = state(reader, newest.get(), List.of());
    return new Observation<>(
        found,
        revisions.ownershipFor(ref),
        diff(spec, found),
        ResourceRef.ownerNamedBy(found.tags()));
  }

  /** The revision as the sweep and the cache know it, else as ECS describes it. */
  private TaskDefinitionState current(
      TaskDefinitionReader reader, EcsTaskDefinitionSpec spec, String arn) {
    TaskDefinition content = cache.get(arn);
    Map<String, String> tags =
        fresh || content == null
            ? null
            : sweep.activeTags(aws.forRegion(spec.region).region(), arn);
    return tags == null
        ? reader.describe(arn)
        : new TaskDefinitionState(
            arn, content.revision(), TaskDefinitionState.ACTIVE, content, tags, List.of());
  }

  @Override
  public CreateResult<TaskDefinitionState> create(ResourceRef ref, EcsTaskDefinitionSpec spec) {
    // Registering never collides: a family takes new revisions, so the name is never taken.
    return CreateResult.created(registerOnce(ref, spec));
  }

  /** Tags the family's newest revision as this object's current one; its content is untouched. */
  @Override
  public void adopt(ResourceRef ref, TaskDefinitionState actual) {
    EcsTags.writer(aws.forArn(actual.arn()), actual.arn()).tag(ref.ownershipTags());
    sweep.changed(actual.arn());
    known = new KnownRevisions(actual.arn(), known.registered());
  }

  @Override
  public TaskDefinitionState update(
      ResourceRef ref, EcsTaskDefinitionSpec spec, Observation<TaskDefinitionState> observation) {
    if (observation.changes().hasAny(ChangeStrategy.NEW_REVISION)) {
      return registerOnce(ref, spec);
    }
    AwsClients clients = aws.forRegion(spec.region);
    TaskDefinitionState current = syncTags(clients, spec, observation.actual());
    if (!observation.changes().has(HISTORY)) {
      return current;
    }
    TaskDefinitionReader reader = new TaskDefinitionReader(clients, cache);
    List<String> registered = pruneHistory(ref, spec, clients, reader, scan(reader), current);
    scanned = null;
    known = new KnownRevisions(current.arn(), registered);
    return current.withRegisteredRevisions(registered);
  }

  /**
   * Deregisters every ACTIVE revision this object registered, then gives back those it adopted:
   * they stay ACTIVE without the ownership tags, so the family is not left owned by an object that
   * is gone (another object could never adopt it). Others' revisions are not touched.
   */
  @Override
  public DeleteOutcome delete(
      ResourceRef ref, EcsTaskDefinitionSpec spec, TaskDefinitionState actual) {
    AwsClients clients = aws.forRegion(spec.region);
    TaskDefinitionReader reader = new TaskDefinitionReader(clients, cache);
    FamilyRevisions revisions = reader.active(family);
    for (TaggedRevision revision : revisions.registeredBy(ref)) {
      deregister(clients, reader, revision.arn());
    }
    // Last: a revision still tagged keeps the object the owner of the family until this is done.
    for (TaggedRevision revision : revisions.adoptedBy(ref)) {
      release(clients, ref, revision.arn());
    }
    scanned = null;
    known = new KnownRevisions(known.current(), List.of());
    return DeleteOutcome.DONE;
  }

  /**
   * Makes a revision of the spec current: the one this object registered last when it holds the
   * same spec (a crash or a lost response after RegisterTaskDefinition), else a new one; then
   * prunes the history.
   */
  private TaskDefinitionState registerOnce(ResourceRef ref, EcsTaskDefinitionSpec spec) {
    AwsClients clients = aws.forRegion(spec.region);
    TaskDefinitionReader reader = new TaskDefinitionReader(clients, cache);
    FamilyRevisions revisions = scan(reader);
    String hash = TaskDefinitionSpecHash.of(spec);
    Optional<TaggedRevision> same = revisions.lastRegisteredWithHash(ref, hash);
    TaskDefinitionState current =
        same.isPresent()
            ? syncTags(clients, spec, state(reader, same.get(), List.of()))
            : register(ref, spec, clients, hash);
    List<String> registered = pruneHistory(ref, spec, clients, reader, revisions, current);
    scanned = null;
    known = new KnownRevisions(current.arn(), registered);
    return current.withRegisteredRevisions(registered);
  }

  private TaskDefinitionState register(
      ResourceRef ref, EcsTaskDefinitionSpec spec, AwsClients clients, String hash) {
    Map<String, String> tags = new TreeMap<>(spec.tagsOrEmpty());
    tags.putAll(ref.ownershipTags());
    tags.put(TaskDefinitionSpecHash.TAG, hash);
    var request = TaskDefinitionRequests.register(family, spec, tags);
    TaskDefinition registered =
        clients
            .guard()
            .callOnce(
                ApiCategory.ECS_TASK_DEFINITION_MODIFY,
                () -> clients.ecs().registerTaskDefinition(request))
            .taskDefinition();
    cache.put(registered);
    return new TaskDefinitionState(
        registered.taskDefinitionArn(),
        registered.revision(),
        registered.statusAsString(),
        registered,
        tags,
        List.of());
  }

  /** Brings the revision's user tags in line when the spec declares tags. */
  private TaskDefinitionState syncTags(
      AwsClients clients, EcsTaskDefinitionSpec spec, TaskDefinitionState actual) {
    if (spec.tags == null) {
      return actual;
    }
    EcsTags.writer(clients, actual.arn()).sync(spec.tags, actual.tags());
    sweep.changed(actual.arn());
    Map<String, String> after = new TreeMap<>(actual.tags());
    after.keySet().removeIf(key -> !UserTags.isReserved(key));
    after.putAll(spec.tags);
    return actual.withTags(after);
  }

  /** Deregisters a revision; one that is already INACTIVE or gone counts as done. */
  private void deregister(AwsClients clients, TaskDefinitionReader reader, String arn) {
    try {
      clients.ecsRun(
          ApiCategory.ECS_TASK_DEFINITION_MODIFY,
          ecs -> ecs.deregisterTaskDefinition(r -> r.taskDefinition(arn)));
      sweep.changed(arn);
    } catch (ClientException refused) {
      TaskDefinitionState now = reader.describe(arn);
      if (now != null && now.active()) {
        throw refused;
      }
    }
  }

  /** Removes this object's ownership tags from a revision; its other tags stay. */
  private void release(AwsClients clients, ResourceRef ref, String arn) {
    EcsTags.writer(clients, arn).untag(ref.ownershipTags().keySet());
    sweep.changed(arn);
  }

  /**
   * Deregisters the revisions revisionHistoryLimit lets go, and returns those this object
   * registered that remain, oldest first.
   */
  private List<String> pruneHistory(
      ResourceRef ref,
      EcsTaskDefinitionSpec spec,
      AwsClients clients,
      TaskDefinitionReader reader,
      FamilyRevisions revisions,
      TaskDefinitionState current) {
    List<TaggedRevision> pruned =
        revisions.pastHistoryLimit(ref, current.arn(), historyLimit(spec), inUse::arns);
    for (TaggedRevision old : pruned) {
      deregister(clients, reader, old.arn());
    }
    return registeredAfter(revisions.registeredBy(ref), pruned, current);
  }

  /**
   * The revisions this object registered once the pruned ones are out and the current one is in
   * when this object registered it (a new revision is not in the scan yet), oldest first.
   */
  static List<String> registeredAfter(
      List<TaggedRevision> before, List<TaggedRevision> pruned, TaskDefinitionState current) {
    Map<String, Long> registered = new TreeMap<>();
    before.forEach(r -> registered.put(r.arn(), r.revision()));
    pruned.forEach(r -> registered.remove(r.arn()));
    if (current.tags().containsKey(TaskDefinitionSpecHash.TAG)) {
      registered.put(current.arn(), current.revision());
    }
    return registered.entrySet().stream()
        .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
        .map(Map.Entry::getKey)
        .toList();
  }

  private FamilyRevisions scan(TaskDefinitionReader reader) {
    if (scanned == null) {
      scanned = reader.active(family);
    }
    return scanned;
  }

  private TaskDefinitionReader reader(EcsTaskDefinitionSpec spec) {
    return new TaskDefinitionReader(aws.forRegion(spec.region), cache);
  }

  private static TaskDefinitionState state(
      TaskDefinitionReader reader, TaggedRevision revision, List<TaggedRevision> registered) {
    return new TaskDefinitionState(
        revision.arn(),
        revision.revision(),
        TaskDefinitionState.ACTIVE,
        reader.content(revision.arn()),
        revision.tags(),
        registered.stream().map(TaggedRevision::arn).toList());
  }

  /**
   * A revision registered from this very spec (its spec-hash tag says so) that still differs from
   * it shows what AWS did not keep as sent: registering again would not change it, and apply finds
   * this revision by its hash and registers nothing, so plan must not promise a new revision.
   */
  private static Observation<TaskDefinitionState> observed(
      ResourceRef ref, EcsTaskDefinitionSpec spec, TaskDefinitionState actual) {
    Observation<TaskDefinitionState> observation =
        Observation.tagged(ref, actual, actual.tags(), diff(spec, actual));
    boolean registeredFromSpec =
        TaskDefinitionSpecHash.of(spec).equals(actual.tags().get(TaskDefinitionSpecHash.TAG));
    return registeredFromSpec ? observation.notKeeping(ChangeStrategy.NEW_REVISION) : observation;
  }

  private static ChangeSet diff(EcsTaskDefinitionSpec spec, TaskDefinitionState actual) {
    return TaskDefinitionDiff.diff(spec, actual.content(), actual.tags());
  }

  private static int historyLimit(EcsTaskDefinitionSpec spec) {
    return spec.revisionHistoryLimit == null ? DEFAULT_HISTORY_LIMIT : spec.revisionHistoryLimit;
  }
}
