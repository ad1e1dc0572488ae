package io.ecsoperator.testsupport;

import io.ecsoperator.crds.common.ManagedSpec;
import io.ecsoperator.reconcilers.aws.AwsClientFactory;
import io.ecsoperator.reconcilers.engine.ReconcileEngine;
import io.ecsoperator.reconcilers.engine.ReconcileOutcome;
import io.ecsoperator.reconcilers.engine.ResourceAdapter;
import io.ecsoperator.reconcilers.engine.ResourceRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every adapter IT against moto stands on: an empty account before each test, the production
 * clients with every call counted, a fresh adapter, and the reconcile engine driving it for one
 * object.
 *
 * @param <S> the kind's spec
 * @param <A> the kind's model of the AWS resource
 */
public abstract class AdapterIT<S extends ManagedSpec, A> {

  protected static final ResourceRef REF = new ResourceRef("ns", "name", "uid");
  protected static final String OWNER_TAG = ResourceRef.OWNER_TAG;

  protected final TestBed bed = TestBed.get();
  protected final AwsCallCounter calls = new AwsCallCounter();
  protected AwsClientFactory aws;
  protected ResourceAdapter<S, A> adapter;

  /** The adapter under test, on these clients. */
  protected abstract ResourceAdapter<S, A> newAdapter(AwsClientFactory aws);

  protected abstract Class<S> specClass();

  /** Every setting the spec has, in the test bed's region. */
  protected abstract String fullSpecYaml();

  /** Runs before the subclass's own {@code @BeforeEach} methods, which may use {@link #aws}. */
  @BeforeEach
  void emptyAccount() {
    bed.resetAws();
    aws = bed.awsClients(calls);
    adapter = newAdapter(aws);
  }

  @AfterEach
  void closeClients() {
    aws.close();
  }

  protected ReconcileOutcome<A> reconcile(S spec, boolean specSeenBefore) {
    return ReconcileEngine.reconcile(adapter, REF, spec, specSeenBefore);
  }

  protected S spec(String yaml) {
    return Specs.parse(yaml, specClass());
  }

  protected S fullSpec() {
    return spec(fullSpecYaml());
  }

  /** A region other than the test bed's default one. */
  protected String otherRegion() {
    return bed.region().equals("eu-west-1") ? "eu-central-1" : "eu-west-1";
  }
}
