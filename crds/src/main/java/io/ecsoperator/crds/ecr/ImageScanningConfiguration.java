package io.ecsoperator.crds.ecr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Basic image scanning of the repository. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ImageScanningConfiguration {

  @JsonPropertyDescription("Scan each image when it is pushed.")
  public Boolean scanOnPush;
}
