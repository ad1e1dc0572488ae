package io.ecsoperator.reconcilers.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The Kubernetes object an AWS resource belongs to, and the ownership tags that say so.
 *
 * @param uid the object's UID; null in the CLI, which has none
 * @param installation the operator installation that manages the object (DESIGN §6; issue 13 §2),
 *     so that two clusters with an object of the same namespace/name over one AWS account never
 *     take each other's resources; null for none (the CLI by default, and an operator not given
 *     one), which owns only resources that record no installation
 * @param account the AwsAccount the object acts in (issue 13 §1), recorded in a tag so that whoever
 *     looks at the resource in AWS sees which binding manages it; null for the operator's own
 *     identity. It does not decide ownership: the resource is in that account by construction.
 */
public record ResourceRef(
    String namespace, String name, String uid, String installation, String account) {

  public static final String OWNER_TAG = "ecsoperator.io/owner";
  public static final String UID_TAG = "ecsoperator.io/uid";
  public static final String INSTALLATION_TAG = "ecsoperator.io/installation";
  public static final String ACCOUNT_TAG = "ecsoperator.io/aws-account";

  public ResourceRef(String namespace, String name, String uid) {
    this(namespace, name, uid, null, null);
  }

  /** The same object, managed by {@code installation}. */
  public ResourceRef withInstallation(String installation) {
    return new ResourceRef(namespace, name, uid, installation, account);
  }

  /** The same object, acting in the AwsAccount {@code account}. */
  public ResourceRef withAccount(String account) {
    return new ResourceRef(namespace, name, uid, installation, account);
  }

  public String owner() {
    return namespace + "/" + name;
  }

  public Map<String, String> ownershipTags() {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(OWNER_TAG, owner());
    if (uid != null) {
      tags.put(UID_TAG, uid);
    }
    if (installation != null) {
      tags.put(INSTALLATION_TAG, installation);
    }
    if (account != null) {
      tags.put(ACCOUNT_TAG, account);
    }
    return Map.copyOf(tags);
  }

  /**
   * Who owns an AWS resource, judged by its tags: this object's when the owner tag names it and the
   * installation tag names this installation. A resource tagged as this object's before its
   * installation was recorded is {@link Ownership#OURS_UNMARKED}: the installation claims it.
   */
  public Ownership ownershipOf(Map<String, String> awsTags) {
    String taggedOwner = awsTags.get(OWNER_TAG);
    if (taggedOwner == null) {
      return Ownership.UNOWNED;
    }
    if (!taggedOwner.equals(owner())) {
      return Ownership.OTHER;
    }
    String taggedInstallation = awsTags.get(INSTALLATION_TAG);
    if (Objects.equals(taggedInstallation, installation)) {
      return Ownership.OURS;
    }
    return taggedInstallation == null ? Ownership.OURS_UNMARKED : Ownership.OTHER;
  }

  /** The owner an AWS resource's tags name, for messages; null when it has none. */
  public static String ownerNamedBy(Map<String, String> awsTags) {
    String owner = awsTags.get(OWNER_TAG);
    String installation = awsTags.get(INSTALLATION_TAG);
    return owner == null || installation == null
        ? owner
        : owner + " of operator installation " + installation;
  }

  @Override
  public String toString() {
    return owner();
  }
}
