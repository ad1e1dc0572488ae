package io.ecsoperator.crds.common;

/**
 * A spec of a registry-wide setting: AWS keeps one per account and region, with no name and no
 * tags. One object of the kind owns it (the oldest of the region, then by UID); the others are
 * Stalled with reason {@code RegistrySettingOwnedByOther} and take over when it is deleted. The CLI
 * refuses two objects of such a kind for one region.
 */
public interface RegistryWide {

  /** The region the setting lives in; null for the operator's (or the CLI's) region. */
  String settingRegion();
}
