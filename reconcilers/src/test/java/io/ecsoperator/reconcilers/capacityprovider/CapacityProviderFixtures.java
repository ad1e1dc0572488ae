package io.ecsoperator.reconcilers.capacityprovider;

import io.ecsoperator.crds.capacityprovider.EcsCapacityProviderSpec;
import io.ecsoperator.reconcilers.cluster.EcsFixtures;
import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.testsupport.Specs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Outputs of {@code aws ecs describe-capacity-providers --include TAGS} under fixtures/. */
final class CapacityProviderFixtures {

  private CapacityProviderFixtures() {}

  /** Saved CLI output, as text. */
  static String load(String fixture) {
    String resource = "/fixtures/capacityprovider/" + fixture;
    try (InputStream in = CapacityProviderFixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** ECS describing the provider as the fixture does. */
  static EcsFixtures aws(String fixture) {
    return EcsFixtures.answering().answer("DescribeCapacityProviders", load(fixture));
  }

  /** The first provider of a describe output as the {@code {"capacityProvider": ...}} answer. */
  static String providerAnswer(String describeOutput) {
    return Json.write(
        Map.of("capacityProvider", Json.parse(describeOutput).get("capacityProviders").get(0)));
  }

  static EcsCapacityProviderState read(String fixture, String name) {
    return EcsCapacityProviderReader.read(
        aws(fixture).factory().forRegion(EcsFixtures.REGION), name);
  }

  static EcsCapacityProviderSpec spec(String yaml) {
    return Specs.parse(yaml, EcsCapacityProviderSpec.class);
  }
}
