package io.ecsoperator.operator.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecsoperator.operator.testsupport.BedRoles;
import io.ecsoperator.operator.testsupport.OperatorHarness;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import io.ecsoperator.testsupport.TestBed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecr.model.Tag;

/**
 * Two AWS accounts from one operator (issue 13 §1), on the bed's moto, which serves each account
 * apart: objects act in the account their namespace is bound to, a tenant cannot reach an account
 * that does not allow its namespace, and a role that cannot be assumed is reported with AWS's
 * message. The bed's STS refuses roles as AWS does (testbed/aws/ecsbed/sts_roles.py).
 */
class AwsAccountE2EIT {

  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String STALLED_MESSAGE =
      "{.status.conditions[?(@.type==\"Stalled\")].message}";
  private static final String ACCOUNT_A = "111111111111";
  private static final String ACCOUNT_B = "222222222222";

  private static final TestBed BED = TestBed.get();
  private static final String NS_A = OperatorHarness.createNamespace(BED, "tenant-a");
  private static final String NS_B = OperatorHarness.createNamespace(BED, "tenant-b");
  private static final String NS_C = OperatorHarness.createNamespace(BED, "tenant-c");
  private static final String ACCT_A = OperatorHarness.uniqueName("team-a");
  private static final String ACCT_B = OperatorHarness.uniqueName("team-b");
  private static final String ROLE = OperatorHarness.uniqueName("ecs-operator");
  private static OperatorHarness operator;

  @BeforeAll
  static void accounts() {
    BedRoles.create(BED, ACCOUNT_A, ROLE, null);
    BedRoles.create(BED, ACCOUNT_B, ROLE, "tenant-b-secret");
    BED.kubectl("label", "namespace", NS_A, "ecsoperator.io/aws-account=" + ACCT_A)
        .assertSuccess("bind namespace A");
    BED.kubectl("label", "namespace", NS_B, "ecsoperator.io/aws-account=" + ACCT_B, "team=b")
        .assertSuccess("bind namespace B");
    BED.kubectl("label", "namespace", NS_C, "ecsoperator.io/aws-account=" + ACCT_B, "team=b")
        .assertSuccess("bind namespace C");
    operator = OperatorHarness.startOver(List.of(NS_A, NS_B, NS_C), Duration.ofMinutes(10));
    operator
        .apply(
            account(ACCT_A, ACCOUNT_A, "namespaces: [" + NS_A + "]", "")
                + "---\n"
                + account(
                    ACCT_B,
                    ACCOUNT_B,
                    "namespaceSelector: {matchLabels: {team: b}}",
                    "externalId: tenant-b-secret"))
        .assertSuccess("apply the accounts");
  }

  @AfterAll
  static void stop() {
    BED.kubectl("delete", "awsaccount", ACCT_A, ACCT_B, "--ignore-not-found");
    operator.close();
  }

  @Test
  void objectsActInTheAccountTheirNamespaceIsBoundTo() {
    operator.waitFor("condition=Ready", "awsaccount/" + ACCT_A, WAIT);
    operator.waitFor("condition=Ready", "awsaccount/" + ACCT_B, WAIT);
    assertThat(operator.get("awsaccount/" + ACCT_A, ".status.accountId")).isEqualTo(ACCOUNT_A);
    assertThat(operator.get("awsaccount/" + ACCT_B, ".status.callerArn"))
        .isEqualTo("arn:aws:sts::" + ACCOUNT_B + ":assumed-role/" + ROLE + "/ecs-operator");

    String name = OperatorHarness.uniqueName("shop");
    apply(NS_A, repository(name, null));
    apply(NS_B, repository(name, null));
    await(NS_A, "condition=Ready", "ecrrepository/" + name);
    await(NS_B, "condition=Ready", "ecrrepository/" + name);

    assertThat(read(NS_A, "ecrrepository/" + name, "{.status.arn}"))
        .contains(":" + ACCOUNT_A + ":repository/");
    assertThat(read(NS_B, "ecrrepository/" + name, "{.status.arn}"))
        .contains(":" + ACCOUNT_B + ":repository/");
    assertThat(existsIn(ACCOUNT_A, name)).isTrue();
    assertThat(existsIn(ACCOUNT_B, name)).isTrue();
    assertThat(tagsIn(ACCOUNT_B, read(NS_B, "ecrrepository/" + name, "{.status.arn}")))
        .as("the ownership tags name the AwsAccount the object acts in")
        .containsEntry(ResourceRef.ACCOUNT_TAG, ACCT_B)
        .containsEntry(ResourceRef.OWNER_TAG, NS_B + "/" + name);
    assertThat(repositoryExists(operator.aws, name))
        .as("nothing in the operator's own account")
        .isFalse();
    assertThat(operator.metrics().scrape())
        .as("each account's calls are counted apart")
        .contains("account=\"" + ACCT_A + "\"")
        .contains("account=\"" + ACCT_B + "\"");
  }

  @Test
  void anObjectNamingAnAccountThatDoesNotAllowItsNamespaceIsStalledAndMakesNoCall() {
    String name = OperatorHarness.uniqueName("sneaky");
    apply(NS_A, repository(name, ACCT_B));
    await(NS_A, stalledBecause("AccountNotAllowed"), "ecrrepository/" + name);
    assertThat(read(NS_A, "ecrrepository/" + name, STALLED_MESSAGE))
        .contains("AwsAccount " + ACCT_B + " does not allow namespace " + NS_A);
    for (String account : List.of(ACCOUNT_A, ACCOUNT_B)) {
      assertThat(existsIn(account, name)).isFalse();
    }
    assertThat(repositoryExists(operator.aws, name)).isFalse();

    BED.kubectl("delete", "ecrrepository", name, "-n", NS_A, "--timeout=60s")
        .assertSuccess("a refused object that made nothing is deleted at once");
  }

  @Test
  void anObjectWhoseNamespaceIsBoundElsewhereAfterwardsStallsRatherThanMakeASecondResource() {
    String name = OperatorHarness.uniqueName("settled");
    apply(NS_C, repository(name, null));
    await(NS_C, "condition=Ready", "ecrrepository/" + name);
    assertThat(read(NS_C, "ecrrepository/" + name, "{.status.awsAccount}")).isEqualTo(ACCT_B);

    BED.kubectl("label", "namespace", NS_C, "ecsoperator.io/aws-account-")
        .assertSuccess("unbind namespace C");
    await(NS_C, stalledBecause("AccountChanged"), "ecrrepository/" + name);
    assertThat(read(NS_C, "ecrrepository/" + name, STALLED_MESSAGE))
        .contains("its AWS resource is in AwsAccount " + ACCT_B)
        .contains("now acts in the operator's own account");
    assertThat(repositoryExists(operator.aws, name)).as("no second repository").isFalse();

    BED.kubectl("label", "namespace", NS_C, "ecsoperator.io/aws-account=" + ACCT_B)
        .assertSuccess("bind it back");
    await(NS_C, "condition=Ready", "ecrrepository/" + name);
  }

  @Test
  void aRoleThatCannotBeAssumedStallsTheAccountAndItsObjectsWithAwsMessage() {
    String broken = OperatorHarness.uniqueName("broken");
    operator
        .apply(
            account(broken, ACCOUNT_A, "namespaces: [" + NS_A + "]", "")
                .replace(":role/" + ROLE, ":role/never-made"))
        .assertSuccess("apply a broken account");
    await(null, stalledBecause("AssumeRoleFailed"), "awsaccount/" + broken);
    assertThat(read(null, "awsaccount/" + broken, STALLED_MESSAGE))
        .contains("is not authorized to perform: sts:AssumeRole on resource")
        .contains("role/never-made");

    String name = OperatorHarness.uniqueName("orphan");
    apply(NS_A, repository(name, broken));
    await(NS_A, stalledBecause("AccountUnavailable"), "ecrrepository/" + name);
    assertThat(read(NS_A, "ecrrepository/" + name, STALLED_MESSAGE)).contains("sts:AssumeRole");
    BED.kubectl("delete", "awsaccount", broken).assertSuccess("remove the broken account");
  }

  private static String account(String name, String accountId, String who, String extra) {
    return """
        apiVersion: ecsoperator.io/v1alpha1
        kind: AwsAccount
        metadata:
          name: %s
        spec:
          roleArn: arn:aws:iam::%s:role/%s
          %s
          %s
        """
        .formatted(name, accountId, ROLE, who, extra);
  }

  private static String repository(String name, String awsAccount) {
    return """
        apiVersion: ecsoperator.io/v1alpha1
        kind: EcrRepository
        metadata:
          name: %s
        spec:
          %s
        """
        .formatted(name, awsAccount == null ? "{}" : "awsAccount: " + awsAccount);
  }

  private static String stalledBecause(String reason) {
    return "jsonpath={.status.conditions[?(@.type==\"Stalled\")].reason}=" + reason;
  }

  private static void apply(String namespace, String yaml) {
    BED.kubectlWithInput(yaml, "apply", "-n", namespace, "-f", "-")
        .assertSuccess("apply in " + namespace);
  }

  /** kubectl wait, in the namespace (null: a cluster-scoped object). */
  private static void await(String namespace, String condition, String object) {
    BED.kubectl(inNamespace(namespace, "wait", "--for=" + condition, object, "--timeout=90s"))
        .assertSuccess("wait for " + condition + " of " + object);
  }

  private static String read(String namespace, String object, String jsonPath) {
    return BED.kubectl(inNamespace(namespace, "get", object, "-o", "jsonpath=" + jsonPath))
        .assertSuccess("get " + object)
        .stdout();
  }

  private static String[] inNamespace(String namespace, String... args) {
    return namespace == null
        ? args
        : Stream.concat(Stream.of(args), Stream.of("-n", namespace)).toArray(String[]::new);
  }

  /** Whether the repository is in the account, as its administrator sees it. */
  private static boolean existsIn(String account, String name) {
    try (AwsClientFactory admin = BED.awsClientsIn(account)) {
      return repositoryExists(admin, name);
    }
  }

  private static Map<String, String> tagsIn(String account, String arn) {
    try (AwsClientFactory admin = BED.awsClientsIn(account)) {
      return admin
          .forRegion(null)
          .ecr()
          .listTagsForResource(r -> r.resourceArn(arn))
          .tags()
          .stream()
          .collect(Collectors.toMap(Tag::key, Tag::value));
    }
  }

  private static boolean repositoryExists(AwsClientFactory aws, String name) {
    try {
      aws.forRegion(null).ecr().describeRepositories(r -> r.repositoryNames(name));
      return true;
    } catch (RepositoryNotFoundException missing) {
      return false;
    }
  }
}
