package io.ecsoperator.operator.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.crds.account.AwsAccountSpec;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountRulesTest {

  @Test
  void theAccountAnObjectNamesComesFirstThenItsNamespacesLabelThenItsAnnotation() {
    Namespace labelled = namespace(Map.of("ecsoperator.io/aws-account", "team-a"), Map.of());
    Namespace annotated = namespace(Map.of(), Map.of("ecsoperator.io/aws-account", "team-b"));
    Namespace both =
        namespace(
            Map.of("ecsoperator.io/aws-account", "team-a"),
            Map.of("ecsoperator.io/aws-account", "team-b"));

    assertThat(AccountRules.chosen("named", labelled)).isEqualTo("named");
    assertThat(AccountRules.chosen(null, labelled)).isEqualTo("team-a");
    assertThat(AccountRules.chosen(null, annotated)).isEqualTo("team-b");
    assertThat(AccountRules.chosen(null, both)).isEqualTo("team-a");
    assertThat(AccountRules.chosen(null, namespace(Map.of(), Map.of())))
        .as("no binding: the operator's own identity")
        .isNull();
    assertThat(AccountRules.chosen(null, null)).isNull();
  }

  @Test
  void anAccountAllowsTheNamespacesItNamesOrSelects() {
    AwsAccountSpec byName = new AwsAccountSpec();
    byName.namespaces = List.of("shop");
    assertThat(AccountRules.allows(byName, "shop", Map.of())).isTrue();
    assertThat(AccountRules.allows(byName, "billing", Map.of("team", "shop"))).isFalse();

    AwsAccountSpec byLabel = new AwsAccountSpec();
    byLabel.namespaceSelector = new LabelSelectorBuilder().addToMatchLabels("team", "shop").build();
    assertThat(AccountRules.allows(byLabel, "any", Map.of("team", "shop"))).isTrue();
    assertThat(AccountRules.allows(byLabel, "any", Map.of("team", "billing"))).isFalse();
    assertThat(AccountRules.allows(byLabel, "any", null)).isFalse();
  }

  @Test
  void selectorsMatchAsKubernetesMatchesThem() {
    Map<String, String> labels = Map.of("team", "shop", "tier", "prod");
    assertThat(AccountRules.matches(new LabelSelector(), labels)).as("empty: all").isTrue();
    assertThat(AccountRules.matches(expression("team", "In", "shop", "web"), labels)).isTrue();
    assertThat(AccountRules.matches(expression("team", "In", "web"), labels)).isFalse();
    assertThat(AccountRules.matches(expression("team", "NotIn", "web"), labels)).isTrue();
    assertThat(AccountRules.matches(expression("env", "NotIn", "dev"), labels))
        .as("NotIn matches a missing label")
        .isTrue();
    assertThat(AccountRules.matches(expression("tier", "Exists"), labels)).isTrue();
    assertThat(AccountRules.matches(expression("tier", "DoesNotExist"), labels)).isFalse();
    assertThat(AccountRules.matches(expression("tier", "Bogus"), labels))
        .as("an unknown operator selects nothing")
        .isFalse();
    LabelSelector both =
        new LabelSelectorBuilder()
            .addToMatchLabels("team", "shop")
            .addNewMatchExpression()
            .withKey("tier")
            .withOperator("In")
            .withValues("dev")
            .endMatchExpression()
            .build();
    assertThat(AccountRules.matches(both, labels)).as("every part must match").isFalse();
  }

  private static LabelSelector expression(String key, String operator, String... values) {
    return new LabelSelectorBuilder()
        .addNewMatchExpression()
        .withKey(key)
        .withOperator(operator)
        .withValues(values)
        .endMatchExpression()
        .build();
  }

  private static Namespace namespace(Map<String, String> labels, Map<String, String> annotations) {
    return new NamespaceBuilder()
        .withNewMetadata()
        .withName("ns")
        .withLabels(labels)
        .withAnnotations(annotations)
        .endMetadata()
        .build();
  }
}
