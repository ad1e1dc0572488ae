package io.ecsoperator.crds.common;

import io.fabric8.crd.generator.annotation.PreserveUnknownFields;

/**
 * Schema of a free-form IAM policy document: an object whose fields are kept as written. Used with
 * {@code @SchemaFrom} on JsonNode fields, which alone would have no type.
 */
@PreserveUnknownFields
public final class PolicyDocumentSchema {
  private PolicyDocumentSchema() {}
}
