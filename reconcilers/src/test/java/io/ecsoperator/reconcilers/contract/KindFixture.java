package io.ecsoperator.reconcilers.contract;

import io.ecsoperator.crds.common.ManagedSpec;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link AdapterContractIT} needs to know of one kind: a spec, the adapter, and how to make
 * and read the AWS resource around the operator. A kind's fixture is a public class named {@code
 * <Kind>ContractFixture} with a no-argument constructor in the kind's own test folder; the contract
 * finds it there.
 *
 * @param <S> the kind's spec
 * @param <A> the kind's model of the AWS resource
 */
public interface KindFixture<S extends ManagedSpec, A> {

  Class<S> specClass();

  /** A spec of one resource, with the single user tag {@code team: web}. */
  String specYaml(String region);

  ResourceAdapter<S, A> adapter(AwsClientFactory aws);

  /** What the resource needs in AWS first (a service's cluster and task definition). */
  default void prepare(AwsClients aws) {}

  /** Makes the resource as the spec has it, outside the operator, with only these tags. */
  void createOutsideTheOperator(AwsClients aws, Map<String, String> tags);

  /** The resource's tags, or empty when it does not exist or is gone (INACTIVE). */
  Optional<Map<String, String>> tagsInAws(AwsClients aws);

  /**
   * Whether create can meet a taken name in moto as in AWS. A task definition family never is taken
   * (registering adds a revision); moto's CreateCluster and CreateService replace what has the
   * name, so the cluster's and service's unit tests show AWS's answers instead.
   */
  default boolean createCanFindTheNameTaken() {
    return true;
  }

  /**
   * Whether AWS keeps tags on the resource, which mark it as the object's. False for the ECR
   * registry items that have none (ownership by CreationClaim): their spec has no tags, {@link
   * #tagsInAws} is empty when the resource exists, and what needs a mark in AWS is not checked.
   */
  default boolean ownedByTags() {
    return true;
  }
}
