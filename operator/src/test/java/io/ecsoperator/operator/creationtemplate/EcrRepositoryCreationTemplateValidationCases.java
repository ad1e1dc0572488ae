package io.ecsoperator.operator.creationtemplate;

import io.ecsoperator.operator.cli.ValidationCases;
import io.ecsoperator.operator.cli.ValidationCases.Case;
import java.util.List;

/**
 * The EcrRepositoryCreationTemplate cases of {@link ValidationCases}: its schema's checks and one
 * case per CEL rule.
 */
public final class EcrRepositoryCreationTemplateValidationCases implements ValidationCases.OfKind {

  @Override
  public List<Case> cases() {
    return List.of(
        creationTemplate(
            "prefix: shop/\nappliedFor: [CREATE_ON_PUSH, CREATE_ON_PUSH]\n",
            "spec.appliedFor",
            "appliedFor must not repeat a value"),
        creationTemplate(
            "prefix: shop/\nappliedFor: [CREATE_ON_PUSH]\ntags: {team: shop}\n",
            "spec.tags",
            "tags are not supported: ECR keeps no tags on a repository creation template"));
  }

  private static Case creationTemplate(String spec, String field, String message) {
    return new Case("EcrRepositoryCreationTemplate", "shop", spec, field, message);
  }
}
