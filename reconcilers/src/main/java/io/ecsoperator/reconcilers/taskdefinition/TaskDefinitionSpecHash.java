package io.ecsoperator.reconcilers.taskdefinition;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsoperator.crds.taskdefinition.EcsTaskDefinitionSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * SHA-256 (lowercase hex, 64 characters) of the canonical form of a task definition: the value of
 * the {@code ecsoperator.io/spec-hash} tag. Two specs that mean the same have the same hash, and a
 * registered revision hashes like the spec it was registered from, so before registering the
 * operator can look for an ACTIVE revision with this hash (DESIGN §6). Family, tags, region and the
 * operator's own settings (revisionHistoryLimit, policies) are not part of it.
 */
public final class TaskDefinitionSpecHash {

  /** The tag that carries the hash on each revision the operator registers. */
  public static final String TAG = "ecsoperator.io/spec-hash";

  private TaskDefinitionSpecHash() {}

  public static String of(EcsTaskDefinitionSpec spec) {
    return of(TaskDefinitionNormalizer.normalize(spec));
  }

  /** The hash of a registered revision's content, computed like the spec's. */
  public static String of(TaskDefinition actual) {
    return of(TaskDefinitionNormalizer.normalize(actual));
  }

  /** The hash of a canonical form (its keys are sorted, so its JSON text is stable). */
  public static String of(ObjectNode canonicalForm) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha256.digest(canonicalForm.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
