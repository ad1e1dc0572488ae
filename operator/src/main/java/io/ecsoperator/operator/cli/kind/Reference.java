package io.ecsoperator.operator.cli.kind;

/**
 * A spec field that names another object of the same namespace, e.g. an EcsService's {@code
 * clusterRef: {name: shop}} pointing at an EcsCluster.
 *
 * @param field the spec field holding {@code {name: ...}}
 * @param kind the kind of the object it names
 */
public record Reference(String field, String kind) {}
