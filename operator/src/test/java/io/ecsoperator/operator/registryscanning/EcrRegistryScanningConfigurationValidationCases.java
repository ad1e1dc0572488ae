package io.ecsoperator.operator.registryscanning;

import io.ecsoperator.operator.cli.ValidationCases;
import io.ecsoperator.operator.cli.ValidationCases.Case;
import java.util.List;

/**
 * The EcrRegistryScanningConfiguration cases of {@link ValidationCases}: its schema's checks and
 * one case per CEL rule.
 */
public final class EcrRegistryScanningConfigurationValidationCases
    implements ValidationCases.OfKind {

  @Override
  public List<Case> cases() {
    return List.of(
        new Case(
            "EcrRegistryScanningConfiguration",
            "scanning",
            "tags: {team: web}",
            "spec.tags",
            "registry settings have no tags"),
        new Case(
            "EcrRegistryScanningConfiguration",
            "scanning",
            "rules: [{scanFrequency: CONTINUOUS_SCAN, repositoryFilters: [{filter: \"*\"}]}]",
            "spec.rules",
            "BASIC scanning supports the SCAN_ON_PUSH and MANUAL frequencies"));
  }
}
