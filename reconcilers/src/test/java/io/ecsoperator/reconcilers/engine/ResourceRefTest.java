package io.ecsoperator.reconcilers.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ownership judged from AWS tags, with and without an operator installation (issue 13 §2). */
class ResourceRefTest {

  private static final ResourceRef PLAIN = new ResourceRef("shop", "web", null);
  private static final ResourceRef BLUE = PLAIN.withInstallation("blue");

  @Test
  void theOwnershipTagsNameTheInstallationWhenThereIsOne() {
    assertThat(PLAIN.ownershipTags()).isEqualTo(Map.of(ResourceRef.OWNER_TAG, "shop/web"));
    assertThat(BLUE.ownershipTags())
        .isEqualTo(Map.of(ResourceRef.OWNER_TAG, "shop/web", ResourceRef.INSTALLATION_TAG, "blue"));
  }

  @Test
  void theOwnershipTagsNameTheAccountWithoutItDecidingOwnership() {
    ResourceRef inTeamA = BLUE.withAccount("team-a");
    Map<String, String> tagged = inTeamA.ownershipTags();

    assertThat(tagged)
        .containsEntry(ResourceRef.ACCOUNT_TAG, "team-a")
        .containsEntry(ResourceRef.INSTALLATION_TAG, "blue");
    assertThat(inTeamA.ownershipOf(tagged)).isEqualTo(Ownership.OURS);
    assertThat(inTeamA.ownershipOf(BLUE.ownershipTags()))
        .as("a resource made before the account was recorded is still this object's")
        .isEqualTo(Ownership.OURS);
  }

  @Test
  void aResourceIsOursOnlyForTheSameObjectAndInstallation() {
    Map<String, String> plain = Map.of(ResourceRef.OWNER_TAG, "shop/web");
    Map<String, String> blue =
        Map.of(ResourceRef.OWNER_TAG, "shop/web", ResourceRef.INSTALLATION_TAG, "blue");
    Map<String, String> green =
        Map.of(ResourceRef.OWNER_TAG, "shop/web", ResourceRef.INSTALLATION_TAG, "green");

    assertThat(BLUE.ownershipOf(blue)).isEqualTo(Ownership.OURS);
    assertThat(BLUE.ownershipOf(green)).isEqualTo(Ownership.OTHER);
    assertThat(BLUE.ownershipOf(plain)).isEqualTo(Ownership.OURS_UNMARKED);
    assertThat(PLAIN.ownershipOf(plain)).isEqualTo(Ownership.OURS);
    assertThat(PLAIN.ownershipOf(blue))
        .as("without an installation, an installation's resource is another's")
        .isEqualTo(Ownership.OTHER);
    assertThat(BLUE.ownershipOf(Map.of(ResourceRef.OWNER_TAG, "shop/api")))
        .isEqualTo(Ownership.OTHER);
    assertThat(BLUE.ownershipOf(Map.of("team", "web"))).isEqualTo(Ownership.UNOWNED);
  }

  @Test
  void messagesNameTheOtherOwnersInstallation() {
    assertThat(
            ResourceRef.ownerNamedBy(
                Map.of(ResourceRef.OWNER_TAG, "shop/web", ResourceRef.INSTALLATION_TAG, "green")))
        .isEqualTo("shop/web of operator installation green");
    assertThat(ResourceRef.ownerNamedBy(Map.of(ResourceRef.OWNER_TAG, "shop/web")))
        .isEqualTo("shop/web");
    assertThat(ResourceRef.ownerNamedBy(Map.of())).isNull();
  }
}
