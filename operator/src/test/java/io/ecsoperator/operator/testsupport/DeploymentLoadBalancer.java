package io.ecsoperator.operator.testsupport;

import io.ecsoperator.testsupport.TestBed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * What a blue/green, linear or canary EcsService needs around it, built in the bed's AWS: a VPC
 * with two subnets and a security group, an ALB whose listener has a production rule (/*) and a
 * test rule (/test/*) forwarding to a blue and a green target group. The examples' placeholder ARNs
 * and IDs are swapped for these.
 */
public final class DeploymentLoadBalancer implements AutoCloseable {

  public final String blue;
  public final String green;
  public final String productionRule;
  private final String testRule;
  private final List<String> subnets;
  private final String securityGroup;
  private final Ec2Client ec2;
  private final ElasticLoadBalancingV2Client elb;

  public DeploymentLoadBalancer(TestBed bed) {
    ec2 = client(Ec2Client.builder(), bed).build();
    elb = client(ElasticLoadBalancingV2Client.builder(), bed).build();
    String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    subnets =
        List.of("a", "b").stream()
            .map(
                zone ->
                    ec2.createSubnet(
                            r ->
                                r.vpcId(vpc)
                                    .cidrBlock(zone.equals("a") ? "10.0.1.0/24" : "10.0.2.0/24")
                                    .availabilityZone(bed.region() + zone))
                        .subnet()
                        .subnetId())
            .toList();
    securityGroup =
        ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("checkout").description("checkout"))
            .groupId();
    String lb =
        elb.createLoadBalancer(r -> r.name("shop").subnets(subnets))
            .loadBalancers()
            .get(0)
            .loadBalancerArn();
    blue = targetGroup(vpc, "checkout-blue");
    green = targetGroup(vpc, "checkout-green");
    String listener =
        elb.createListener(
                r ->
                    r.loadBalancerArn(lb)
                        .protocol("HTTP")
                        .port(80)
                        .defaultActions(a -> a.type("forward").targetGroupArn(blue)))
            .listeners()
            .get(0)
            .listenerArn();
    productionRule = rule(listener, 1, "/*");
    testRule = rule(listener, 2, "/test/*");
  }

  /** The manifest with the example's ARNs, subnets and security group replaced by these. */
  public String substitute(String manifest) {
    return manifest
        .replaceAll("arn:aws:elasticloadbalancing:\\S*targetgroup/checkout-blue/\\w+", blue)
        .replaceAll("arn:aws:elasticloadbalancing:\\S*targetgroup/checkout-green/\\w+", green)
        .replaceAll("productionListenerRule: .*", "productionListenerRule: " + productionRule)
        .replaceAll("testListenerRule: .*", "testListenerRule: " + testRule)
        .replace("subnet-0a1b2c3d4e5f60718", subnets.get(0))
        .replace("subnet-0f1e2d3c4b5a69788", subnets.get(1))
        .replace("sg-0123456789abcdef0", securityGroup);
  }

  /**
   * The examples' cluster and task definition (examples/blue-green/), the task definition running
   * {@code imageTag}, and the service manifest {@code serviceFile} under examples/, for this ALB.
   */
  public String manifests(Path repoRoot, String serviceFile, String imageTag) throws IOException {
    Path examples = repoRoot.resolve("examples");
    return Files.readString(examples.resolve("blue-green/cluster.yaml"))
        + "---\n"
        + Files.readString(examples.resolve("blue-green/task-definition.yaml"))
            .replace("checkout:1.0.0", "checkout:" + imageTag)
        + "---\n"
        + substitute(Files.readString(examples.resolve(serviceFile)));
  }

  /** The production rule's forward weights by target group. */
  public Map<String, Integer> productionWeights() {
    Action forward =
        elb.describeRules(r -> r.ruleArns(productionRule)).rules().get(0).actions().get(0);
    return forward.forwardConfig().targetGroups().stream()
        .collect(Collectors.toMap(TargetGroupTuple::targetGroupArn, TargetGroupTuple::weight));
  }

  @Override
  public void close() {
    ec2.close();
    elb.close();
  }

  private String targetGroup(String vpc, String name) {
    return elb.createTargetGroup(
            r -> r.name(name).protocol("HTTP").port(8080).vpcId(vpc).targetType("ip"))
        .targetGroups()
        .get(0)
        .targetGroupArn();
  }

  private String rule(String listener, int priority, String path) {
    return elb.createRule(
            r ->
                r.listenerArn(listener)
                    .priority(priority)
                    .conditions(c -> c.field("path-pattern").values(path))
                    .actions(
                        a ->
                            a.type("forward")
                                .forwardConfig(
                                    f ->
                                        f.targetGroups(
                                            t -> t.targetGroupArn(blue).weight(100),
                                            t -> t.targetGroupArn(green).weight(0)))))
        .rules()
        .get(0)
        .ruleArn();
  }

  /** An SDK client of the bed's AWS. */
  public static <B extends AwsClientBuilder<B, ?>> B client(B builder, TestBed bed) {
    return builder
        .endpointOverride(bed.awsEndpoint())
        .region(Region.of(bed.region()))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
  }
}
