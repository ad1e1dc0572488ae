package io.ecsoperator.operator.controller;

import io.ecsoperator.reconcilers.engine.Notice;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records Kubernetes Events on our objects, as {@code kubectl describe} shows them. A notice
 * repeated on one object raises the count of its event rather than adding one (as Kubernetes' own
 * controllers do), and notices the API server could not take are kept ({@link EventBacklog}) and
 * recorded once it answers again.
 */
public final class EventRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  private static final String COMPONENT = "ecs-operator";
  private static final long RETRY_SECONDS = 10;

  private final KubernetesClient client;
  private final RecentEvents recent = new RecentEvents();
  private final EventBacklog backlog = new EventBacklog();

  public EventRecorder(KubernetesClient client) {
    this.client = client;
    ScheduledExecutorService retries =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "event-backlog");
              thread.setDaemon(true);
              return thread;
            });
    retries.scheduleWithFixedDelay(this::flush, RETRY_SECONDS, RETRY_SECONDS, TimeUnit.SECONDS);
  }

  public void record(HasMetadata object, Notice notice) {
    Event event = event(object, notice, now());
    String key =
        String.join(
            "\n",
            object.getMetadata().getUid(),
            event.getType(),
            notice.reason(),
            notice.message());
    if (write(key, event)) {
      flush();
    }
  }

  /** How many notices wait for the API server. */
  int waiting() {
    return backlog.size();
  }

  /** Records the notices kept while the API server was unreachable, oldest first. */
  void flush() {
    boolean reachable = true;
    for (Map.Entry<String, Event> pending : backlog.drain()) {
      if (!reachable) {
        backlog.keep(pending.getKey(), pending.getValue());
      } else {
        reachable = write(pending.getKey(), pending.getValue());
      }
    }
  }

  /**
   * Writes the event, or raises the count of the one recorded for the same notice; false when kept.
   */
  private synchronized boolean write(String key, Event event) {
    try {
      RecentEvents.Recorded earlier = recent.get(key);
      if (earlier != null && bump(key, earlier, event)) {
        return true;
      }
      event
          .getMetadata()
          .setName(
              event.getInvolvedObject().getName()
                  + "."
                  + UUID.randomUUID().toString().substring(0, 8));
      client.v1().events().inNamespace(event.getMetadata().getNamespace()).resource(event).create();
      recent.put(key, new RecentEvents.Recorded(event.getMetadata().getName(), 1));
      return true;
    } catch (KubernetesClientException e) {
      if (unreachable(e)) {
        backlog.keep(key, event);
        return false;
      }
      // An event is a courtesy: failing to record one must not fail the reconcile.
      LOG.warn(
          "could not record event {} on {}/{}: {}",
          event.getReason(),
          event.getMetadata().getNamespace(),
          event.getInvolvedObject().getName(),
          e.getMessage());
      return true;
    }
  }

  /** Raises the count of an earlier event; false when it is gone (events expire after an hour). */
  private boolean bump(String key, RecentEvents.Recorded earlier, Event event) {
    int count = earlier.count() + 1;
    String patch =
        "{\"count\":" + count + ",\"lastTimestamp\":\"" + event.getLastTimestamp() + "\"}";
    try {
      client
          .v1()
          .events()
          .inNamespace(event.getMetadata().getNamespace())
          .withName(earlier.name())
          .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return false;
      }
      throw e;
    }
    recent.put(key, new RecentEvents.Recorded(earlier.name(), count));
    return true;
  }

  /** No answer from the API server (down, restarting, unreachable): worth keeping the event. */
  private static boolean unreachable(KubernetesClientException e) {
    if (e.getCode() == 503 || e.getCode() == 504) {
      return true;
    }
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static Event event(HasMetadata object, Notice notice, String now) {
    var meta = object.getMetadata();
    return new EventBuilder()
        .withNewMetadata()
        .withNamespace(meta.getNamespace())
        .endMetadata()
        .withInvolvedObject(
            new ObjectReferenceBuilder()
                .withApiVersion(object.getApiVersion())
                .withKind(object.getKind())
                .withName(meta.getName())
                .withNamespace(meta.getNamespace())
                .withUid(meta.getUid())
                .withResourceVersion(meta.getResourceVersion())
                .build())
        .withType(notice.warning() ? "Warning" : "Normal")
        .withReason(notice.reason())
        .withMessage(notice.message())
        .withFirstTimestamp(now)
        .withLastTimestamp(now)
        .withCount(1)
        .withNewSource()
        .withComponent(COMPONENT)
        .endSource()
        .withReportingComponent(COMPONENT)
        .build();
  }
}
