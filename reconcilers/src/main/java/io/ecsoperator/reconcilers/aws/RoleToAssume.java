package io.ecsoperator.reconcilers.aws;

import java.time.Duration;

/**
 * An IAM role to act as, in another AWS account (STS AssumeRole).
 *
 * @param externalId null when the role's trust policy asks for none
 * @param defaultRegion the region of resources that name none; null for the operator's
 */
public record RoleToAssume(
    String roleArn,
    String externalId,
    String sessionName,
    Duration sessionDuration,
    String defaultRegion) {}
