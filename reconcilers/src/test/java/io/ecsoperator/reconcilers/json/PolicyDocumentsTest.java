package io.ecsoperator.reconcilers.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class PolicyDocumentsTest {

  private static JsonNode canonical(String json) {
    return PolicyDocuments.canonical(Json.parse(json));
  }

  @Test
  void statementObjectEqualsSingleElementList() {
    JsonNode object =
        canonical(
            """
            {"Version": "2012-10-17",
             "Statement": {"Sid": "Pull", "Effect": "Allow", "Principal": "*",
                           "Action": "ecr:BatchGetImage"}}
            """);
    JsonNode list =
        canonical(
            """
            {"Version": "2012-10-17",
             "Statement": [{"Sid": "Pull", "Effect": "Allow", "Principal": "*",
                            "Action": "ecr:BatchGetImage"}]}
            """);

    assertThat(object).isNotNull().isEqualTo(list);
  }

  @Test
  void actionStringEqualsSingleElementList() {
    assertThat(
            canonical(
                """
                {"Statement": [{"Effect": "Allow", "Principal": "*",
                                "Action": "ecr:BatchGetImage"}]}
                """))
        .isEqualTo(
            canonical(
                """
                {"Statement": [{"Effect": "Allow", "Principal": "*",
                                "Action": ["ecr:BatchGetImage"]}]}
                """));
  }

  @Test
  void actionAndResourceListOrderDoesNotMatter() {
    assertThat(
            canonical(
                """
                {"Statement": [{"Effect": "Allow", "Principal": "*",
                  "Action": ["ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage",
                             "ecr:BatchCheckLayerAvailability"],
                  "NotResource": ["arn:b", "arn:a"]}]}
                """))
        .isEqualTo(
            canonical(
                """
                {"Statement": [{"Effect": "Allow", "Principal": "*",
                  "Action": ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage",
                             "ecr:GetDownloadUrlForLayer"],
                  "NotResource": ["arn:a", "arn:b"]}]}
                """));
  }

  @Test
  void principalValueStringEqualsList() {
    assertThat(
            canonical(
                """
                {"Statement": [{"Effect": "Allow", "Action": "ecr:BatchGetImage",
                  "Principal": {"AWS": "arn:aws:iam::210987654321:root"}}]}
                """))
        .isEqualTo(
            canonical(
                """
                {"Statement": [{"Effect": "Allow", "Action": "ecr:BatchGetImage",
                  "Principal": {"AWS": ["arn:aws:iam::210987654321:root"]}}]}
                """));
  }

  @Test
  void principalListOrderDoesNotMatter() {
    assertThat(
            canonical(
                """
                {"Statement": [{"Effect": "Allow", "Action": "ecr:BatchGetImage",
                  "Principal": {"AWS": ["arn:aws:iam::2:root", "arn:aws:iam::1:root"],
                                "Service": "codebuild.amazonaws.com"}}]}
                """))
        .isEqualTo(
            canonical(
                """
                {"Statement": [{"Effect": "Allow", "Action": "ecr:BatchGetImage",
                  "Principal": {"Service": ["codebuild.amazonaws.com"],
                                "AWS": ["arn:aws:iam::1:root", "arn:aws:iam::2:root"]}}]}
                """));
  }

  @Test
  void keyOrderAndFormattingDoNotMatter() {
    // GetRepositoryPolicy returns the text pretty printed, keys in its own order.
    String aws =
        "{\n  \"Version\" : \"2012-10-17\",\n  \"Statement\" : [ {\n    \"Action\" :"
            + " \"ecr:BatchGetImage\",\n    \"Principal\" : {\n      \"AWS\" :"
            + " \"arn:aws:iam::210987654321:root\"\n    },\n    \"Effect\" : \"Allow\",\n"
            + "    \"Sid\" : \"AllowPull\"\n  } ]\n}";
    String spec =
        """
        {"Statement": [{"Sid": "AllowPull", "Effect": "Allow",
          "Principal": {"AWS": ["arn:aws:iam::210987654321:root"]},
          "Action": ["ecr:BatchGetImage"]}],
         "Version": "2012-10-17"}
        """;

    assertThat(canonical(aws)).isEqualTo(canonical(spec));
  }

  @Test
  void statementOrderDoesNotMatterWhenKeysAreInTheSameOrder() {
    assertThat(
            canonical(
                """
                {"Statement": [
                  {"Sid": "A", "Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage"},
                  {"Sid": "B", "Effect": "Deny", "Principal": "*", "Action": "ecr:PutImage"}]}
                """))
        .isEqualTo(
            canonical(
                """
                {"Statement": [
                  {"Sid": "B", "Effect": "Deny", "Principal": "*", "Action": "ecr:PutImage"},
                  {"Sid": "A", "Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage"}]}
                """));
  }

  @Test
  void statementOrderDoesNotMatterWhateverTheKeyOrder() {
    JsonNode spec =
        canonical(
            """
            {"Statement": [
              {"Sid": "A", "Effect": "Deny", "Principal": "*", "Action": "ecr:PutImage"},
              {"Sid": "B", "Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage"}]}
            """);
    JsonNode aws =
        canonical(
            """
            {"Statement": [
              {"Effect": "Deny", "Sid": "A", "Principal": "*", "Action": "ecr:PutImage"},
              {"Effect": "Allow", "Sid": "B", "Principal": "*", "Action": "ecr:BatchGetImage"}]}
            """);

    assertThat(aws).isEqualTo(spec);
  }

  @Test
  void differentActionsDiffer() {
    assertThat(
            canonical(
                """
                {"Statement": [{"Effect": "Allow", "Principal": "*",
                                "Action": ["ecr:BatchGetImage"]}]}
                """))
        .isNotEqualTo(
            canonical(
                """
                {"Statement": [{"Effect": "Allow", "Principal": "*",
                                "Action": ["ecr:BatchGetImage", "ecr:PutImage"]}]}
                """));
  }

  @Test
  void differentEffectOrPrincipalDiffer() {
    JsonNode allow =
        canonical(
            """
            {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::1:root"},
                            "Action": "ecr:BatchGetImage"}]}
            """);
    JsonNode deny =
        canonical(
            """
            {"Statement": [{"Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::1:root"},
                            "Action": "ecr:BatchGetImage"}]}
            """);
    JsonNode otherAccount =
        canonical(
            """
            {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::2:root"},
                            "Action": "ecr:BatchGetImage"}]}
            """);

    assertThat(allow).isNotEqualTo(deny).isNotEqualTo(otherAccount);
  }

  @Test
  void conditionsAreKept() {
    JsonNode withCondition =
        canonical(
            """
            {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage",
              "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}}]}
            """);
    JsonNode without =
        canonical(
            """
            {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage"}]}
            """);

    assertThat(withCondition).isNotEqualTo(without);
    assertThat(withCondition.at("/Statement/0/Condition/StringEquals/aws:PrincipalOrgID").asText())
        .isEqualTo("o-abc123");
  }

  @Test
  void canonicalFormHasListsEverywhere() {
    JsonNode result =
        canonical(
            """
            {"Version": "2012-10-17",
             "Statement": {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::1:root"},
                           "Action": "ecr:BatchGetImage", "Resource": "*"}}
            """);

    assertThat(result.get("Version").asText()).isEqualTo("2012-10-17");
    assertThat(result.get("Statement").isArray()).isTrue();
    assertThat(result.at("/Statement/0/Action").isArray()).isTrue();
    assertThat(result.at("/Statement/0/Resource").isArray()).isTrue();
    assertThat(result.at("/Statement/0/Principal/AWS").isArray()).isTrue();
  }

  @Test
  void wildcardPrincipalStringIsKeptAsString() {
    JsonNode result =
        canonical(
            """
            {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage"}]}
            """);

    assertThat(result.at("/Statement/0/Principal").isTextual()).isTrue();
    assertThat(result.at("/Statement/0/Principal").asText()).isEqualTo("*");
  }

  @Test
  void emptyStatementListMeansNoPolicy() {
    assertThat(canonical("{\"Version\": \"2012-10-17\", \"Statement\": []}")).isNull();
  }

  @Test
  void missingOrNullDocumentMeansNoPolicy() {
    assertThat(PolicyDocuments.canonical(null)).isNull();
    assertThat(canonical("null")).isNull();
    assertThat(canonical("{\"Version\": \"2012-10-17\"}")).isNull();
  }

  @Test
  void inputIsNotModified() {
    JsonNode input =
        Json.parse(
            """
            {"Statement": {"Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage"}}
            """);
    String before = input.toString();

    PolicyDocuments.canonical(input);

    assertThat(input.toString()).isEqualTo(before);
  }
}
