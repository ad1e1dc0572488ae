package io.ecsoperator.crds.common;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Observed state of a registry-wide setting ({@link RegistryWide}). */
public class RegistrySettingStatus extends ManagedStatus {

  @JsonPropertyDescription(
      "The registry (AWS account ID) whose setting this object owns: set once the setting matched"
          + " the spec, after a write or an adoption. Empty while another object owns the"
          + " setting or an unowned one is not adopted.")
  public String registryId;
}
