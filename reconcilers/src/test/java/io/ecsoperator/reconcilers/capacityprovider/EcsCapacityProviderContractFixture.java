package io.ecsoperator.reconcilers.capacityprovider;

import io.ecsoperator.crds.capacityprovider.EcsCapacityProviderSpec;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.contract.KindFixture;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.tags.EcsTags;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.CapacityProviderField;

/** An Auto Scaling group provider; the bed's ECS does not look the group up, as AWS would. */
public final class EcsCapacityProviderContractFixture
    implements KindFixture<EcsCapacityProviderSpec, EcsCapacityProviderState> {

  private static final String NAME = "contract-asg";
  private static final String GROUP =
      "arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:1:autoScalingGroupName/contract";

  @Override
  public Class<EcsCapacityProviderSpec> specClass() {
    return EcsCapacityProviderSpec.class;
  }

  @Override
  public String specYaml(String region) {
    return "name: %s\nregion: %s\nautoScalingGroupProvider: {autoScalingGroupArn: \"%s\"}\ntags: {team: web}\n"
        .formatted(NAME, region, GROUP);
  }

  @Override
  public ResourceAdapter<EcsCapacityProviderSpec, EcsCapacityProviderState> adapter(
      AwsClientFactory aws) {
    return new EcsCapacityProviderAdapter(aws, NAME, null);
  }

  @Override
  public void createOutsideTheOperator(AwsClients aws, Map<String, String> tags) {
    aws.ecs()
        .createCapacityProvider(
            r ->
                r.name(NAME)
                    .autoScalingGroupProvider(p -> p.autoScalingGroupArn(GROUP))
                    .tags(EcsTags.toAws(tags)));
  }

  @Override
  public Optional<Map<String, String>> tagsInAws(AwsClients aws) {
    return aws
        .ecs()
        .describeCapacityProviders(
            r -> r.capacityProviders(NAME).include(CapacityProviderField.TAGS))
        .capacityProviders()
        .stream()
        .filter(p -> "ACTIVE".equals(p.statusAsString()))
        .findFirst()
        .map(p -> EcsTags.of(p.tags()));
  }
}
