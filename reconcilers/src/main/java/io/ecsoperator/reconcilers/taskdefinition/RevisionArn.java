package io.ecsoperator.reconcilers.taskdefinition;

/**
 * The parts of a task definition revision ARN,
 * arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7.
 */
public record RevisionArn(String family, long revision) {

  private static final String RESOURCE = ":task-definition/";

  /** Parses a revision ARN; null when the text is not one. */
  public static RevisionArn parse(String arn) {
    if (arn == null) {
      return null;
    }
    int resource = arn.indexOf(RESOURCE);
    int colon = arn.lastIndexOf(':');
    if (!arn.startsWith("arn:") || resource < 0 || colon < resource + RESOURCE.length()) {
      return null;
    }
    try {
      return new RevisionArn(
          arn.substring(resource + RESOURCE.length(), colon),
          Long.parseLong(arn.substring(colon + 1)));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
