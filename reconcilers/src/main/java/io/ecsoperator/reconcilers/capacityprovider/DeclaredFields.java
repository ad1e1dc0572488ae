package io.ecsoperator.reconcilers.capacityprovider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.ecsoperator.reconcilers.engine.ChangeSet;
import io.ecsoperator.reconcilers.engine.ChangeStrategy;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the fields a spec declares with AWS's, field by field in the AWS API's JSON names:
 * objects are walked, lists of values are sets, a declared value AWS lacks is a change.
 */
final class DeclaredFields {

  private DeclaredFields() {}

  /**
   * @param immutable paths AWS cannot change after creation: their changes are REPLACE
   */
  static void diff(
      String path,
      JsonNode desired,
      JsonNode actual,
      Set<String> immutable,
      ChangeSet.Builder changes) {
    JsonNode present = actual == null ? MissingNode.getInstance() : actual;
    if (desired.isObject()) {
      desired
          .fields()
          .forEachRemaining(
              field ->
                  diff(
                      path + "." + field.getKey(),
                      field.getValue(),
                      present.path(field.getKey()),
                      immutable,
                      changes));
      return;
    }
    Object wanted = desired.isArray() ? asSet(desired) : desired;
    Object found = present.isArray() ? asSet(present) : present.isMissingNode() ? null : present;
    changes.compare(
        path,
        wanted,
        found,
        immutable.contains(path) ? ChangeStrategy.REPLACE : ChangeStrategy.IN_PLACE);
  }

  private static Set<String> asSet(JsonNode array) {
    Set<String> values = new TreeSet<>();
    array.forEach(item -> values.add(item.asText()));
    return values;
  }
}
