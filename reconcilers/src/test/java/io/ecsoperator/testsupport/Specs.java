package io.ecsoperator.testsupport;

import io.fabric8.kubernetes.client.utils.Serialization;

/** Specs for tests, made the way the operator receives them. */
public final class Specs {

  private Specs() {}

  /** A spec as the API server hands it over: YAML through Fabric8's mapper. */
  public static <S> S parse(String yaml, Class<S> type) {
    return Serialization.unmarshal(yaml, type);
  }
}
