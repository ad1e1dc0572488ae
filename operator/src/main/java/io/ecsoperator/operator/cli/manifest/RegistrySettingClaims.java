package io.ecsoperator.operator.cli.manifest;

import io.ecsoperator.crds.common.RegistryWide;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CLI's side of the one-owner rule of registry-wide settings ({@link RegistryWide}): AWS keeps
 * the setting once per region, so two objects of such a kind for one region would overwrite each
 * other; the files are refused instead. Objects that name no region are taken to share the CLI's
 * region.
 */
final class RegistrySettingClaims {

  private RegistrySettingClaims() {}

  /** An error for each object of a registry-wide kind whose region an earlier object claimed. */
  static List<String> secondClaims(List<Manifest<?, ?, ?>> manifests) {
    List<String> errors = new ArrayList<>();
    Map<String, Manifest<?, ?, ?>> claimed = new HashMap<>();
    for (Manifest<?, ?, ?> manifest : manifests) {
      if (!(manifest.spec() instanceof RegistryWide setting)) {
        continue;
      }
      String region =
          setting.settingRegion() == null ? "the default region" : setting.settingRegion();
      Manifest<?, ?, ?> first =
          claimed.putIfAbsent(manifest.kind().kind() + " " + region, manifest);
      if (first != null) {
        errors.add(
            "%s: %s declares the registry setting of %s, which %s (%s) already declares: a"
                    .formatted(manifest.source(), manifest.id(), region, first.id(), first.source())
                + " registry has one "
                + manifest.kind().kind()
                + " per region, so keep one of them");
      }
    }
    return errors;
  }
}
