package io.ecsoperator.reconcilers.tags;

import io.ecsoperator.reconcilers.aws.ApiCategory;
import io.ecsoperator.reconcilers.aws.AwsClients;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.ecs.model.Tag;

/** Tags of ECS resources: AWS's key/value list as the map the specs use, and the tag calls. */
public final class EcsTags {

  private EcsTags() {}

  /** AWS's tag list as a map; a tag without value has the empty value. */
  public static Map<String, String> of(List<Tag> tags) {
    Map<String, String> map = new TreeMap<>();
    if (tags != null) {
      tags.stream()
          .filter(t -> t.key() != null)
          .forEach(t -> map.put(t.key(), t.value() == null ? "" : t.value()));
    }
    return map;
  }

  public static List<Tag> toAws(Map<String, String> tags) {
    return tags.entrySet().stream()
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
        .toList();
  }

  /** TagResource / UntagResource of one ECS resource, under the tag rate limit. */
  public static TagWriter writer(AwsClients clients, String arn) {
    return new TagWriter(
        clients.guard(),
        ApiCategory.ECS_TAG_MODIFY,
        tags -> clients.ecs().tagResource(r -> r.resourceArn(arn).tags(toAws(tags))),
        keys -> clients.ecs().untagResource(r -> r.resourceArn(arn).tagKeys(keys)));
  }
}
