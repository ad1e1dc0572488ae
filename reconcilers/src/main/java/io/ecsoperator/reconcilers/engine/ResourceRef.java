package io.ecsoperator.reconcilers.engine;

import java.util.Map;

/** The Kubernetes object an AWS resource belongs to, and the ownership tags that say so. */
public record ResourceRef(String namespace, String name, String uid) {

  public static final String OWNER_TAG = "ecsoperator.io/owner";
  public static final String UID_TAG = "ecsoperator.io/uid";

  public String owner() {
    return namespace + "/" + name;
  }

  public Map<String, String> ownershipTags() {
    return uid == null ? Map.of(OWNER_TAG, owner()) : Map.of(OWNER_TAG, owner(), UID_TAG, uid);
  }

  /** Who owns an AWS resource, judged by its tags. */
  public Ownership ownershipOf(Map<String, String> awsTags) {
    String taggedOwner = awsTags.get(OWNER_TAG);
    if (taggedOwner == null) {
      return Ownership.UNOWNED;
    }
    return taggedOwner.equals(owner()) ? Ownership.OURS : Ownership.OTHER;
  }

  @Override
  public String toString() {
    return owner();
  }
}
