package io.ecsoperator.operator.cli.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecsoperator.crds.common.DeletionPolicy;
import io.ecsoperator.crds.common.ManagementPolicy;
import io.ecsoperator.crds.ecr.EcrRepository;
import io.ecsoperator.crds.ecr.ImageTagMutabilityExclusionFilter;
import io.ecsoperator.operator.cli.ValidationCases;
import io.ecsoperator.operator.cli.kind.CliKinds;
import io.ecsoperator.operator.kinds.KindRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ManifestLoaderTest {

  private static final String WEB =
      """
      apiVersion: ecsoperator.io/v1alpha1
      kind: EcrRepository
      metadata:
        name: web
      spec:
        imageTagMutability: IMMUTABLE_WITH_EXCLUSION
        imageTagMutabilityExclusionFilters:
          - filter: latest
        tags:
          since: 2024-01-01
      """;

  private static final String SHOP =
      """
      apiVersion: ecsoperator.io/v1alpha1
      kind: EcsCluster
      metadata:
        name: shop
        namespace: prod
      spec: {}
      """;

  private final CliKinds kinds = KindRegistry.cliKinds();

  @TempDir Path dir;

  static Stream<ValidationCases.Case> invalid() {
    return ValidationCases.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void refusesWhatTheApiServerRefusesNamingFileDocumentAndField(ValidationCases.Case bad)
      throws IOException {
    Path file = write("bad.yaml", WEB + "---\n" + bad.manifest());

    assertThatThrownBy(() -> load(file))
        .isInstanceOfSatisfying(
            InvalidManifestsException.class,
            e ->
                assertThat(e.errors())
                    .as("errors of %s", bad)
                    .anySatisfy(
                        error ->
                            assertThat(error)
                                .startsWith(file + " document 2 (" + bad.kind() + " default/")
                                .contains(": " + bad.field() + ": ")
                                .contains(bad.message())));
  }

  @Test
  void everyRuleOfTheKindsThatAppliesToNewObjectsHasACase() {
    List<String> caseMessages = ValidationCases.all().stream().map(c -> c.message()).toList();
    kinds
        .all()
        .forEach(
            kind ->
                kinds.schema(kind).rules().stream()
                    .filter(rule -> !rule.compiled().transition())
                    .forEach(
                        rule ->
                            assertThat(caseMessages)
                                .as("a case for the %s rule %s", kind.kind(), rule.message())
                                .anyMatch(rule.message()::contains)));
  }

  @Test
  void awsAccountsAreCheckedAgainstTheirCrdAndKeptForTheObjectsThatNameThem() throws IOException {
    String account =
        """
        apiVersion: ecsoperator.io/v1alpha1
        kind: AwsAccount
        metadata:
          name: team-a
        spec:
          roleArn: arn:aws:iam::111122223333:role/ecs-operator
          namespaces: [default]
        """;
    ManifestLoader.Loaded loaded =
        new ManifestLoader(kinds, InputStream.nullInputStream())
            .load(List.of(write("a.yaml", WEB + "---\n" + account).toString()), "default");
    assertThat(loaded.accounts()).containsOnlyKeys("team-a");
    assertThat(loaded.accounts().get("team-a").getSpec().sessionName)
        .as("the CRD's default")
        .isEqualTo("ecs-operator");

    assertRefused(account.replace("role/", "user/"), "spec.roleArn", "should match");
    assertRefused(
        account.replace("  namespaces: [default]\n", ""),
        "spec",
        "name the namespaces whose objects may act in this account");
  }

  private void assertRefused(String account, String field, String message) throws IOException {
    Path bad = write("bad.yaml", account);
    assertThatThrownBy(() -> load(bad))
        .isInstanceOfSatisfying(
            InvalidManifestsException.class,
            e ->
                assertThat(e.errors())
                    .singleElement()
                    .satisfies(
                        error ->
                            assertThat(error)
                                .startsWith(
                                    bad + " document 1 (AwsAccount team-a): " + field + ": ")
                                .contains(message)));
  }

  @Test
  void appliesTheCrdDefaultsAndKeepsDatesAsStrings() throws IOException {
    EcrRepository web = (EcrRepository) load(write("web.yaml", WEB)).get(0).resource();

    assertThat(web.getSpec().deletionPolicy).isEqualTo(DeletionPolicy.Delete);
    assertThat(web.getSpec().managementPolicy).isEqualTo(ManagementPolicy.Manage);
    assertThat(web.getSpec().adopt).isFalse();
    assertThat(web.getSpec().forceDelete).isFalse();
    assertThat(web.getSpec().imageTagMutabilityExclusionFilters.get(0).filterType)
        .isEqualTo(ImageTagMutabilityExclusionFilter.FilterType.WILDCARD);
    assertThat(web.getSpec().tags).containsEntry("since", "2024-01-01");
  }

  @Test
  void namespaceComesFromMetadataOrTheDefault() throws IOException {
    List<Manifest<?, ?, ?>> loaded = load(write("all.yaml", WEB + "---\n" + SHOP));

    assertThat(loaded)
        .extracting(Manifest::id)
        .containsExactly("EcrRepository default/web", "EcsCluster prod/shop");
    assertThat(loaded.get(0).ref().owner()).isEqualTo("default/web");
    assertThat(loaded.get(0).ref().ownershipTags())
        .as("no UID: the owner tag alone, as the operator's for default/web")
        .containsOnlyKeys("ecsoperator.io/owner");
  }

  @Test
  void readsFoldersRecursivelyInNameOrderAndStandardInput() throws IOException {
    write("b/shop.yml", SHOP);
    write("a/web.yaml", WEB);
    write("a/notes.txt", "not a manifest");
    var loader =
        new ManifestLoader(
            kinds,
            new ByteArrayInputStream(
                SHOP.replace("name: shop", "name: batch").getBytes(StandardCharsets.UTF_8)));

    var loaded = loader.load(List.of(dir.toString(), "-"), "default");

    assertThat(loaded.manifests())
        .extracting(m -> m.source().toString())
        .containsExactly(
            dir.resolve("a/web.yaml") + " document 1",
            dir.resolve("b/shop.yml") + " document 1",
            "<stdin> document 1");
  }

  @Test
  void skipsOtherKindsWithANotice() throws IOException {
    Path file =
        write(
            "mixed.yaml",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings}
            ---
            ---
            apiVersion: ecsoperator.io/v1alpha1
            kind: EcsWidget
            metadata: {name: w}
            spec: {}
            ---
            apiVersion: ecsoperator.io/v1beta9
            kind: EcsCluster
            metadata: {name: old}
            spec: {}
            ---
            """
                + SHOP);

    var loaded =
        new ManifestLoader(kinds, InputStream.nullInputStream())
            .load(List.of(file.toString()), "default");

    assertThat(loaded.manifests()).extracting(Manifest::id).containsExactly("EcsCluster prod/shop");
    assertThat(loaded.notices())
        .containsExactly(
            "skipped " + file + " document 1: ConfigMap v1 is not an ecs-operator kind",
            "skipped "
                + file
                + " document 3: EcsWidget ecsoperator.io/v1alpha1 is not handled by this version"
                + " of the CLI",
            "skipped "
                + file
                + " document 4: EcsCluster ecsoperator.io/v1beta9 is not handled by this version"
                + " of the CLI");
  }

  @Test
  void reportsEveryProblemOfEveryFileAtOnce() throws IOException {
    Path broken = write("broken.yaml", "apiVersion: [unclosed\n");
    Path twice = write("twice.yaml", WEB + "---\n" + WEB);
    Path meta =
        write(
            "meta.yaml",
            """
            apiVersion: ecsoperator.io/v1alpha1
            kind: EcsCluster
            metadata: {name: Shop, labelz: {a: b}}
            """);

    assertThatThrownBy(
            () ->
                new ManifestLoader(kinds, InputStream.nullInputStream())
                    .load(
                        List.of(broken.toString(), twice.toString(), meta.toString(), "nope.yaml"),
                        "default"))
        .isInstanceOfSatisfying(
            InvalidManifestsException.class,
            e ->
                assertThat(e.errors())
                    .satisfiesExactlyInAnyOrder(
                        error ->
                            assertThat(error).startsWith(broken + " document 1: not valid YAML"),
                        error ->
                            assertThat(error)
                                .isEqualTo(
                                    twice
                                        + " document 2: EcrRepository default/web is also declared in "
                                        + twice
                                        + " document 1"),
                        error ->
                            assertThat(error)
                                .startsWith(
                                    meta
                                        + " document 1 (EcsCluster default/Shop): metadata.labelz: unknown field"),
                        error ->
                            assertThat(error)
                                .startsWith(
                                    meta
                                        + " document 1 (EcsCluster default/Shop): metadata.name: Invalid value: \"Shop\""),
                        error ->
                            assertThat(error)
                                .isEqualTo(
                                    meta
                                        + " document 1 (EcsCluster default/Shop): spec: Required value"),
                        error -> assertThat(error).isEqualTo("nope.yaml: no such file or folder")));
  }

  @Test
  void refusesDuplicateKeys() throws IOException {
    Path file = write("dup.yaml", WEB.replace("spec:\n", "spec:\n  adopt: true\n  adopt: false\n"));

    assertThatThrownBy(() -> load(file))
        .isInstanceOf(InvalidManifestsException.class)
        .hasMessageContaining("found duplicate key adopt");
  }

  @Test
  void refusesTwoObjectsForOneRegistrySettingAndKeepsOnePerRegion() throws IOException {
    String replication =
        """
        apiVersion: ecsoperator.io/v1alpha1
        kind: EcrReplicationConfiguration
        metadata:
          name: %s
        spec:
          %s
          rules: []
        """;
    Path oneRegionEach =
        write(
            "apart.yaml",
            replication.formatted("here", "region: eu-west-1")
                + "---\n"
                + replication.formatted("there", "region: us-east-1"));
    Path sameRegion =
        write(
            "same.yaml",
            replication.formatted("first", "region: eu-west-1")
                + "---\n"
                + replication.formatted("second", "region: eu-west-1"));

    assertThat(load(oneRegionEach)).hasSize(2);
    assertThatThrownBy(() -> load(sameRegion))
        .isInstanceOfSatisfying(
            InvalidManifestsException.class,
            e ->
                assertThat(e.errors())
                    .containsExactly(
                        sameRegion
                            + " document 2: EcrReplicationConfiguration default/second declares"
                            + " the registry setting of eu-west-1, which"
                            + " EcrReplicationConfiguration default/first ("
                            + sameRegion
                            + " document 1) already declares: a registry has one"
                            + " EcrReplicationConfiguration per region, so keep one of them"));
  }

  private List<Manifest<?, ?, ?>> load(Path file) {
    return new ManifestLoader(kinds, InputStream.nullInputStream())
        .load(List.of(file.toString()), "default")
        .manifests();
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }
}
