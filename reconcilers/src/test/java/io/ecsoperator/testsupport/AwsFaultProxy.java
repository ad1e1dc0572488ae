package io.ecsoperator.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.net.URI;

/**
 * WireMock on loopback in front of the bed's moto (DESIGN §9): every request is proxied to moto
 * unless a fault stub for its AWS action (the X-Amz-Target header of the JSON protocols) matches
 * first.
 */
public final class AwsFaultProxy implements AutoCloseable {

  private static final int PROXY = 10;
  private static final int FAULT = 1;

  private final WireMockServer wiremock;
  private final URI moto;

  private AwsFaultProxy(URI moto) {
    this.moto = moto;
    this.wiremock =
        new WireMockServer(
            options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .extensions(new FieldDroppingTransformer()));
    wiremock.start();
    proxyEverything();
  }

  /** Starts a proxy to the given moto endpoint. */
  public static AwsFaultProxy inFrontOf(URI moto) {
    return new AwsFaultProxy(moto);
  }

  /** Where AWS clients send their requests. */
  public URI endpoint() {
    return URI.create(wiremock.baseUrl());
  }

  /** The WireMock server, for scenarios beyond one persistent fault. */
  public WireMockServer server() {
    return wiremock;
  }

  /** Requests of this action (e.g. "AmazonEC2ContainerServiceV20141113.DeleteCluster"). */
  public static MappingBuilder action(String target) {
    return post(anyUrl()).atPriority(FAULT).withHeader("X-Amz-Target", equalTo(target));
  }

  /**
   * Answers every request of the action whose body contains {@code bodyContains} with an AWS error,
   * until the returned stub is {@linkplain #heal healed}.
   */
  public StubMapping failWith(
      String target, String bodyContains, int status, String errorType, String message) {
    return wiremock.stubFor(
        action(target)
            .withRequestBody(containing(bodyContains))
            .willReturn(awsError(status, errorType, message)));
  }

  /**
   * Answers every request of the action from moto without {@code field}, at any depth: an AWS that
   * does not keep that field as sent, until the returned stub is {@linkplain #heal healed}.
   */
  public StubMapping dropFromResponses(String target, String field) {
    return wiremock.stubFor(
        action(target)
            .willReturn(
                aResponse()
                    .proxiedFrom(moto.toString())
                    .withTransformers(FieldDroppingTransformer.NAME)
                    .withTransformerParameter(FieldDroppingTransformer.FIELD, field)));
  }

  /** Removes a fault: its requests reach moto again. */
  public void heal(StubMapping fault) {
    wiremock.removeStub(fault);
  }

  /** Removes every fault. */
  public void healAll() {
    wiremock.resetMappings();
    proxyEverything();
  }

  /** How many requests of this action reached the proxy. */
  public int requestsFor(String target) {
    return wiremock
        .findAll(postRequestedFor(anyUrl()).withHeader("X-Amz-Target", equalTo(target)))
        .size();
  }

  /** An error response shaped like the AWS JSON protocols' ({@code __type} and message). */
  public static ResponseDefinitionBuilder awsError(int status, String type, String message) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/x-amz-json-1.1")
        .withBody("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
  }

  /** The response moto gives, after a delay. */
  public ResponseDefinitionBuilder fromMotoAfter(int delayMillis) {
    return aResponse().proxiedFrom(moto.toString()).withFixedDelay(delayMillis);
  }

  private void proxyEverything() {
    wiremock.stubFor(
        any(anyUrl()).atPriority(PROXY).willReturn(aResponse().proxiedFrom(moto.toString())));
  }

  @Override
  public void close() {
    wiremock.stop();
  }
}
