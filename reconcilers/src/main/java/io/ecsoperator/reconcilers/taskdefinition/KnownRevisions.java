package io.ecsoperator.reconcilers.taskdefinition;

import java.util.List;

/**
 * What an EcsTaskDefinition's status knows from earlier reconciles: its current revision, and the
 * revisions it registered. The current ARN saves a scan of the family on every drift check; AWS's
 * tags stay the truth on who registered what.
 *
 * @param current ARN of the current revision, or null
 * @param registered ARNs of the revisions this object registered, oldest first
 */
public record KnownRevisions(String current, List<String> registered) {

  public static final KnownRevisions NONE = new KnownRevisions(null, List.of());

  public KnownRevisions {
    registered = registered == null ? List.of() : List.copyOf(registered);
  }
}
