package io.ecsoperator.testsupport;

/**
 * Secrets in the bed's Secrets Manager (moto's), made with the AWS CLI: what a pull through cache
 * rule names as its upstream credential.
 */
public final class BedSecrets {

  private BedSecrets() {}

  /** The ARN of the secret of that name, made with a Docker Hub style value on first use. */
  public static String arn(TestBed bed, String name) {
    Processes.Result existing =
        bed.aws(
            "secretsmanager",
            "describe-secret",
            "--secret-id",
            name,
            "--query",
            "ARN",
            "--output",
            "text");
    if (existing.exitCode() == 0) {
      return existing.stdout().strip();
    }
    return bed.aws(
            "secretsmanager",
            "create-secret",
            "--name",
            name,
            "--secret-string",
            "{\"username\":\"shop\",\"accessToken\":\"dckr_pat_x\"}",
            "--query",
            "ARN",
            "--output",
            "text")
        .assertSuccess("aws secretsmanager create-secret")
        .stdout()
        .strip();
  }
}
