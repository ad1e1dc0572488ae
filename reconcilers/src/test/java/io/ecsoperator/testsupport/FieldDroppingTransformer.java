package io.ecsoperator.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Removes one field, at every depth, from the JSON that moto answers: an AWS that does not keep a
 * field as it was sent, for the stubs of {@link AwsFaultProxy#dropFromResponses}.
 */
final class FieldDroppingTransformer implements ResponseTransformerV2 {

  static final String NAME = "drop-field";
  static final String FIELD = "field";

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public Response transform(Response response, ServeEvent serveEvent) {
    String field = serveEvent.getTransformerParameters().getString(FIELD);
    try {
      JsonNode body = JSON.readTree(response.getBody());
      drop(body, field);
      // The length changes: let the server count it again.
      HttpHeaders headers =
          new HttpHeaders(
              response.getHeaders().all().stream()
                  .filter(h -> !h.keyEquals("Content-Length"))
                  .toList());
      return Response.Builder.like(response)
          .but()
          .headers(headers)
          .body(JSON.writeValueAsBytes(body))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void drop(JsonNode node, String field) {
    if (node instanceof ObjectNode object) {
      object.remove(field);
    }
    node.forEach(child -> drop(child, field));
  }
}
