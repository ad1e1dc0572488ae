package io.ecsoperator.testsupport;

import java.util.ArrayList;
import java.util.List;

/**
 * A VPC with subnets and a security group made in the bed's moto, for services with an awsvpc
 * network configuration: moto checks that the subnets and security groups of CreateService exist.
 * Made through the AWS CLI, since the operator has no EC2 client.
 *
 * @param subnets subnet IDs, one per /24 of 10.0.0.0/16
 * @param securityGroup a security group ID of the VPC
 */
public record MotoNetwork(List<String> subnets, String securityGroup) {

  public MotoNetwork {
    subnets = List.copyOf(subnets);
  }

  /** A new VPC with {@code subnetCount} subnets and one security group, in the bed's region. */
  public static MotoNetwork create(TestBed bed, int subnetCount) {
    String vpc = ec2(bed, "create-vpc", "--cidr-block", "10.0.0.0/16", "--query", "Vpc.VpcId");
    // DNS hostnames on, as in a default VPC: moto's RunTask of an awsvpc task reads the private
    // DNS name of the task's network interface, which it sets only then.
    ec2(bed, "modify-vpc-attribute", "--vpc-id", vpc, "--enable-dns-hostnames", "{\"Value\":true}");
    List<String> subnets = new ArrayList<>();
    for (int i = 1; i <= subnetCount; i++) {
      subnets.add(
          ec2(
              bed,
              "create-subnet",
              "--vpc-id",
              vpc,
              "--cidr-block",
              "10.0." + i + ".0/24",
              "--query",
              "Subnet.SubnetId"));
    }
    String securityGroup =
        ec2(
            bed,
            "create-security-group",
            "--group-name",
            "web-" + vpc,
            "--description",
            "web",
            "--vpc-id",
            vpc,
            "--query",
            "GroupId");
    return new MotoNetwork(subnets, securityGroup);
  }

  public String subnet() {
    return subnets.get(0);
  }

  /** An EC2 call through the AWS CLI: its --query result. */
  private static String ec2(TestBed bed, String... args) {
    String[] command = new String[args.length + 3];
    command[0] = "ec2";
    System.arraycopy(args, 0, command, 1, args.length);
    command[args.length + 1] = "--output";
    command[args.length + 2] = "text";
    return bed.aws(command).assertSuccess("aws ec2 " + args[0]).stdout().strip();
  }
}
