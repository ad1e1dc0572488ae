package io.ecsoperator.reconcilers.taskdefinition;

import io.ecsoperator.crds.taskdefinition.EcsTaskDefinitionSpec;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.contract.KindFixture;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.tags.EcsTags;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;

public final class EcsTaskDefinitionContractFixture
    implements KindFixture<EcsTaskDefinitionSpec, TaskDefinitionState> {

  private static final String FAMILY = "contract";

  @Override
  public Class<EcsTaskDefinitionSpec> specClass() {
    return EcsTaskDefinitionSpec.class;
  }

  @Override
  public String specYaml(String region) {
    return """
        family: %s
        region: %s
        requiresCompatibilities: [FARGATE]
        networkMode: awsvpc
        cpu: "256"
        memory: "512"
        containerDefinitions:
          - name: web
            image: nginx:1.27
        tags: {team: web}
        """
        .formatted(FAMILY, region);
  }

  @Override
  public ResourceAdapter<EcsTaskDefinitionSpec, TaskDefinitionState> adapter(AwsClientFactory aws) {
    return new EcsTaskDefinitionAdapter(
        aws,
        new TaskDefinitionCache(),
        RevisionSweep.on(aws, Duration.ZERO),
        false,
        FAMILY,
        KnownRevisions.NONE,
        Set::of);
  }

  @Override
  public void createOutsideTheOperator(AwsClients aws, Map<String, String> tags) {
    aws.ecs()
        .registerTaskDefinition(
            r ->
                r.family(FAMILY)
                    .requiresCompatibilities(Compatibility.FARGATE)
                    .networkMode(NetworkMode.AWSVPC)
                    .cpu("256")
                    .memory("512")
                    .containerDefinitions(c -> c.name("web").image("nginx:1.27"))
                    .tags(EcsTags.toAws(tags)));
  }

  /** The tags of the family's newest ACTIVE revision. */
  @Override
  public Optional<Map<String, String>> tagsInAws(AwsClients aws) {
    return aws
        .ecs()
        .listTaskDefinitions(r -> r.familyPrefix(FAMILY).status("ACTIVE"))
        .taskDefinitionArns()
        .stream()
        .reduce((older, newer) -> newer)
        .map(
            arn ->
                EcsTags.of(
                    aws.ecs()
                        .describeTaskDefinition(
                            r -> r.taskDefinition(arn).include(TaskDefinitionField.TAGS))
                        .tags()));
  }

  @Override
  public boolean createCanFindTheNameTaken() {
    return false;
  }
}
