package io.ecsoperator.reconcilers.taskdefinition;

import io.ecsoperator.reconcilers.aws.ApiCategory;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.aws.Pages;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.GetResourcesResponse;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping;

/**
 * The state and tags of every task definition revision of a region in a few calls, for drift
 * checks: revisions are immutable, so what can drift is whether they are still ACTIVE and their
 * tags. One sweep lists the region's ACTIVE revisions (ListTaskDefinitions, 100 per page) and the
 * tags of the revisions the operator owns (the Resource Groups Tagging API's GetResources with the
 * owner tag as filter, 100 per page), so the drift checks of 50 task definitions make 2 calls
 * instead of 50 DescribeTaskDefinition.
 *
 * <p>A sweep is kept for {@code maxAge}; the drift checks of a region's task definitions come at
 * one instant, so they share it. A revision the sweep cannot vouch for (not ACTIVE in it, not
 * tagged as ours in it, or changed by our own writes since it started) gets no answer: the caller
 * describes it, which also tells a deregistered revision's exact status. Two reads of a region at
 * once share one sweep. Thread-safe; one instance serves every task definition object.
 */
public final class RevisionSweep {

  /** What one sweep saw: the ACTIVE revisions' ARNs and the owned revisions' tags by ARN. */
  public record Seen(Set<String> active, Map<String, Map<String, String>> tags) {}

  /** One sweep of a region. */
  @FunctionalInterface
  public interface Sweep {
    Seen call(String region);
  }

  /** A sweep, or one still under way; {@code startedAt} in nanoseconds. */
  private record Entry(CompletableFuture<Seen> seen, long startedAt) {}

  private final Sweep sweep;
  private final long maxAgeNanos;
  private final LongSupplier nanoTime;
  private final Map<String, Entry> byRegion = new HashMap<>();

  /** When our own writes last changed a revision, in nanoseconds. */
  private final Map<String, Long> changedAt = new HashMap<>();

  public RevisionSweep(Sweep sweep, Duration maxAge, LongSupplier nanoTime) {
    this.sweep = sweep;
    this.maxAgeNanos = maxAge.toNanos();
    this.nanoTime = nanoTime;
  }

  /** The production sweep, through each region's call guard. */
  public static RevisionSweep on(AwsClientFactory aws, Duration maxAge) {
    return new RevisionSweep(region -> sweep(aws.forRegion(region)), maxAge, System::nanoTime);
  }

  /**
   * The tags of an ACTIVE revision as a recent sweep of its region saw them, or null when the sweep
   * cannot tell (the caller then describes the revision).
   */
  public Map<String, String> activeTags(String region, String arn) {
    Entry entry;
    boolean start = false;
    synchronized (this) {
      entry = byRegion.get(region);
      if (entry == null || !usable(entry)) {
        entry = new Entry(new CompletableFuture<>(), nanoTime.getAsLong());
        byRegion.put(region, entry);
        start = true;
      }
    }
    if (start) {
      run(region, entry);
    }
    Seen seen;
    try {
      seen = entry.seen().join();
    } catch (CompletionException failed) {
      throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
    }
    synchronized (this) {
      Long changed = changedAt.get(arn);
      if (changed != null && changed - entry.startedAt() >= 0) {
        return null;
      }
      changedAt.remove(arn);
    }
    return seen.active().contains(arn) ? seen.tags().get(arn) : null;
  }

  /** Notes that our own write changed a revision: sweeps started before it no longer vouch. */
  public synchronized void changed(String arn) {
    changedAt.put(arn, nanoTime.getAsLong());
  }

  private void run(String region, Entry entry) {
    try {
      entry.seen().complete(sweep.call(region));
    } catch (RuntimeException error) {
      synchronized (this) {
        byRegion.remove(region, entry);
      }
      entry.seen().completeExceptionally(error);
    }
  }

  /** Under way, or started less than maxAge ago. */
  private boolean usable(Entry entry) {
    return !entry.seen().isDone()
        || !entry.seen().isCompletedExceptionally()
            && nanoTime.getAsLong() - entry.startedAt() < maxAgeNanos;
  }

  private static Seen sweep(AwsClients clients) {
    return new Seen(
        Set.copyOf(TaskDefinitionReader.activeArns(clients, r -> r.maxResults(100))),
        ownedTags(clients));
  }

  /**
   * The tags of the region's task definition revisions that carry the owner tag: the only ones an
   * object of this operator tracks (a revision adopted is tagged as well).
   */
  private static Map<String, Map<String, String>> ownedTags(AwsClients clients) {
    Map<String, Map<String, String>> tags = new HashMap<>();
    List<ResourceTagMapping> resources =
        Pages.all(
            page ->
                clients
                    .guard()
                    .call(
                        ApiCategory.TAGGING_READ,
                        () ->
                            clients
                                .tagging()
                                .getResources(
                                    r ->
                                        r.resourceTypeFilters("ecs:task-definition")
                                            .tagFilters(f -> f.key(ResourceRef.OWNER_TAG))
                                            .resourcesPerPage(100)
                                            // Tags count against a page too (100 unless raised).
                                            .tagsPerPage(500)
                                            .paginationToken(page))),
            GetResourcesResponse::resourceTagMappingList,
            GetResourcesResponse::paginationToken);
    for (ResourceTagMapping resource : resources) {
      Map<String, String> resourceTags = new HashMap<>();
      resource.tags().forEach(t -> resourceTags.put(t.key(), t.value()));
      tags.put(resource.resourceARN(), resourceTags);
    }
    return tags;
  }
}
