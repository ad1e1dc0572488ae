package io.ecsoperator.operator.settings;

import io.ecsoperator.reconcilers.aws.GuardSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * One shard of several operators that split the objects between them (README "Sharding").
 *
 * @param labelSelector the objects this shard reconciles, of every kind (the objects they refer to
 *     are read whatever their labels); empty: all
 * @param awsRateShare the part of each AWS rate limit this shard uses, in (0, 1]: shards over one
 *     AWS account and region share its throttling buckets
 */
public record Sharding(Optional<String> labelSelector, double awsRateShare) {

  public static final Sharding UNSHARDED = new Sharding(Optional.empty(), 1);

  public Sharding {
    labelSelector.ifPresent(LabelSelectorSyntax::check);
    GuardSettings.checkRateShare(awsRateShare);
  }

  /**
   * The leader election Lease of this shard when none is named: {@code base} unsharded, else {@code
   * base} followed by the selector's letters and a hash of it, so that two shards never share a
   * Lease (one would wait forever as the other's standby).
   */
  public String leaseName(String base) {
    return labelSelector
        .map(
            selector -> {
              String readable = selector.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
              readable = readable.substring(0, Math.min(readable.length(), 40));
              return (base + "-" + readable + "-").replaceAll("-+", "-") + hash(selector);
            })
        .orElse(base);
  }

  private static String hash(String selector) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(selector.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
