package io.ecsoperator.operator.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code run --installation}: a name of one's own is checked; none stays none. */
class InstallationIdentityTest {

  @Test
  void noneIsNone() {
    assertThat(InstallationIdentity.resolve(null, null)).isNull();
    assertThat(InstallationIdentity.resolve(" ", null)).isNull();
  }

  @Test
  void aNameOfOnesOwnIsKeptAsIs() {
    assertThat(InstallationIdentity.resolve("prod-eu-1", null)).isEqualTo("prod-eu-1");
    assertThat(InstallationIdentity.resolve("team/platform@eks:1", null))
        .isEqualTo("team/platform@eks:1");
  }

  @Test
  void aNameThatCannotBeATagValueIsRefusedNamingTheOption() {
    assertThatThrownBy(() -> InstallationIdentity.resolve("prod eu #1", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--installation prod eu #1");
    assertThatThrownBy(() -> InstallationIdentity.resolve("x".repeat(129), null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
