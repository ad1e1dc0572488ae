package io.ecsoperator.operator.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The manifests {@code helm template} rendered, parsed as the API server would read them. */
final class RenderedChart {

  private final String yaml;
  private final List<HasMetadata> objects;

  RenderedChart(String yaml) {
    this.yaml = yaml;
    Object parsed =
        new KubernetesSerialization()
            .unmarshal(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    List<HasMetadata> all = new ArrayList<>();
    if (parsed instanceof List<?> list) {
      list.forEach(o -> all.add((HasMetadata) o));
    } else {
      all.add((HasMetadata) parsed);
    }
    this.objects = all;
  }

  String yaml() {
    return yaml;
  }

  List<HasMetadata> objects() {
    return objects;
  }

  /** "Kind namespace/name" of every object, e.g. "Role ops/x-leader-election". */
  Set<String> names() {
    Set<String> names = new TreeSet<>();
    for (HasMetadata o : objects) {
      String ns = o.getMetadata().getNamespace();
      names.add(o.getKind() + " " + (ns == null ? "" : ns + "/") + o.getMetadata().getName());
    }
    return names;
  }

  <T extends HasMetadata> List<T> all(Class<T> type) {
    List<T> found = new ArrayList<>();
    for (HasMetadata o : objects) {
      if (type.isInstance(o)) {
        found.add(type.cast(o));
      }
    }
    return found;
  }

  <T extends HasMetadata> T one(Class<T> type) {
    List<T> found = all(type);
    assertThat(found).as("rendered %s objects", type.getSimpleName()).hasSize(1);
    return found.get(0);
  }

  Container container() {
    return one(Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  /** The container's literal env values (fieldRef ones are left out). */
  Map<String, String> literalEnv() {
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvVar e : container().getEnv()) {
      if (e.getValue() != null) {
        env.put(e.getName(), e.getValue());
      }
    }
    return env;
  }

  /** The rules of the Role in that namespace, as "group resource verb" lines. */
  static Set<String> permissions(List<PolicyRule> rules) {
    Set<String> lines = new TreeSet<>();
    for (PolicyRule rule : rules) {
      for (String group : rule.getApiGroups()) {
        for (String resource : rule.getResources()) {
          for (String verb : rule.getVerbs()) {
            String names =
                rule.getResourceNames() == null || rule.getResourceNames().isEmpty()
                    ? ""
                    : " " + rule.getResourceNames();
            lines.add(group + " " + resource + " " + verb + names);
          }
        }
      }
    }
    return lines;
  }

  /** The same lines from a SelfSubjectRulesReview's answer. */
  static Set<String> reviewed(
      List<io.fabric8.kubernetes.api.model.authorization.v1.ResourceRule> rules) {
    List<PolicyRule> asPolicy = new ArrayList<>();
    for (var rule : rules) {
      asPolicy.add(
          new io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder()
              .withApiGroups(rule.getApiGroups())
              .withResources(rule.getResources())
              .withVerbs(rule.getVerbs())
              .withResourceNames(rule.getResourceNames())
              .build());
    }
    return permissions(asPolicy);
  }

  ClusterRole clusterRole(String name) {
    return named(ClusterRole.class, name);
  }

  ClusterRoleBinding clusterRoleBinding(String name) {
    return named(ClusterRoleBinding.class, name);
  }

  private <T extends HasMetadata> T named(Class<T> type, String name) {
    return all(type).stream()
        .filter(o -> name.equals(o.getMetadata().getName()))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no " + type.getSimpleName() + " " + name + " in " + names()));
  }

  Role role(String namespace, String name) {
    return all(Role.class).stream()
        .filter(
            r ->
                namespace.equals(r.getMetadata().getNamespace())
                    && name.equals(r.getMetadata().getName()))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no Role " + namespace + "/" + name + " in " + names()));
  }
}
