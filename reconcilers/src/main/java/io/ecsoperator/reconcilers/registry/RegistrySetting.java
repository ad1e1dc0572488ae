package io.ecsoperator.reconcilers.registry;

/**
 * A registry-wide setting as AWS has it.
 *
 * @param registryId the registry (AWS account ID) it belongs to
 * @param configuration the setting, in its kind's normalized form
 * @param <C> the kind's normalized form of the setting
 */
public record RegistrySetting<C>(String registryId, C configuration) {}
