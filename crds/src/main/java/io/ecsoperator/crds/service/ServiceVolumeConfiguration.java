package io.ecsoperator.crds.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import java.util.Map;

/** A volume of the task definition that ECS creates for each task (an EBS volume). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServiceVolumeConfiguration {

  @JsonPropertyDescription("Name of a volume of the task definition marked configuredAtLaunch.")
  @Required
  @Size(min = 1, max = 255)
  public String name;

  @JsonPropertyDescription("The EBS volume each task gets.")
  public ManagedEbsVolume managedEBSVolume;

  /** The EBS volume ECS creates and attaches to each task. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @ValidationRule(
      value = "has(self.sizeInGiB) || has(self.snapshotId)",
      message = "set sizeInGiB or snapshotId",
      fieldPath = ".sizeInGiB")
  public static class ManagedEbsVolume {

    /** File systems ECS formats volumes with. */
    public enum FilesystemType {
      @JsonProperty("ext3")
      EXT3,
      @JsonProperty("ext4")
      EXT4,
      @JsonProperty("xfs")
      XFS,
      @JsonProperty("ntfs")
      NTFS
    }

    @JsonPropertyDescription("Encrypt the volume.")
    public Boolean encrypted;

    @JsonPropertyDescription("KMS key that encrypts the volume.")
    @Size(min = 1, max = 2048)
    public String kmsKeyId;

    @JsonPropertyDescription(
        "EBS volume type: gp3 (AWS default), gp2, io1, io2, st1, sc1 or standard.")
    @Size(min = 1, max = 16)
    public String volumeType;

    @JsonPropertyDescription("Size in GiB, 1 to 65536 depending on the volume type.")
    @Min(1)
    @Max(65536)
    public Integer sizeInGiB;

    @JsonPropertyDescription("Snapshot to create the volume from.")
    @Size(min = 1, max = 255)
    public String snapshotId;

    @JsonPropertyDescription("MiB/s at which a volume created from a snapshot is initialized.")
    @Min(100)
    @Max(300)
    public Integer volumeInitializationRate;

    @JsonPropertyDescription("I/O operations per second (io1, io2, gp3).")
    @Min(100)
    @Max(256000)
    public Integer iops;

    @JsonPropertyDescription("Throughput in MiB/s (gp3).")
    @Min(125)
    @Max(2000)
    public Integer throughput;

    @JsonPropertyDescription("Tags ECS puts on the volumes.")
    @Size(max = 1)
    public List<TagSpecification> tagSpecifications;

    @JsonPropertyDescription("ARN of the infrastructure IAM role ECS uses to manage the volume.")
    @Required
    @Size(min = 1, max = 2048)
    public String roleArn;

    @JsonPropertyDescription("File system of the volume: ext3, ext4 or xfs (Linux), ntfs.")
    public FilesystemType filesystemType;
  }

  /** Tags of the volumes. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class TagSpecification {

    /** What the tags go on. */
    public enum ResourceType {
      @JsonProperty("volume")
      VOLUME
    }

    /** Where more tags come from. */
    public enum PropagateTags {
      TASK_DEFINITION,
      SERVICE,
      NONE
    }

    @JsonPropertyDescription("volume, the only type.")
    @Required
    public ResourceType resourceType;

    @JsonPropertyDescription("Tags of the volume, as a map.")
    @Size(max = 50)
    public Map<String, String> tags;

    @JsonPropertyDescription("Also copy the tags of the task definition or of the service.")
    public PropagateTags propagateTags;
  }
}
