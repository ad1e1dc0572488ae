package io.ecsoperator.reconcilers.registry;

import io.ecsoperator.reconcilers.json.Json;
import io.ecsoperator.reconcilers.json.SdkJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.services.ecr.model.DescribeRegistryResponse;
import software.amazon.awssdk.services.ecr.model.GetRegistryScanningConfigurationResponse;

/**
 * AWS CLI outputs of the registry's settings saved under {@code fixtures/registry/}, read into the
 * SDK's model the way the SDK hands a response to the adapter.
 */
public final class RegistryFixtures {

  private RegistryFixtures() {}

  /** An {@code aws ecr describe-registry} output. */
  public static DescribeRegistryResponse describeRegistry(String fixture) {
    return SdkJson.fromJson(Json.parse(read(fixture)), DescribeRegistryResponse.builder());
  }

  /** An {@code aws ecr get-registry-scanning-configuration} output. */
  public static GetRegistryScanningConfigurationResponse scanningConfiguration(String fixture) {
    return SdkJson.fromJson(
        Json.parse(read(fixture)), GetRegistryScanningConfigurationResponse.builder());
  }

  private static String read(String fixture) {
    try (InputStream in =
        RegistryFixtures.class.getResourceAsStream("/fixtures/registry/" + fixture)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + fixture);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
