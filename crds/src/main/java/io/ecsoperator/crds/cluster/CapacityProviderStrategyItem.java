package io.ecsoperator.crds.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ecsoperator.crds.service.LocalObjectReference;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * One capacity provider of a capacity provider strategy, by name or by reference to an
 * EcsCapacityProvider object.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.capacityProvider) != has(self.capacityProviderRef)",
    message = "set exactly one of capacityProvider and capacityProviderRef",
    fieldPath = ".capacityProvider")
public class CapacityProviderStrategyItem {

  /** Names of clusters and capacity providers: up to 255 letters, digits, '_' and '-'. */
  public static final String NAME_PATTERN = "^[a-zA-Z0-9_-]{1,255}$";

  /**
   * CEL rule on a strategy (a list of items): each capacity provider name and reference once. An
   * item's key is its name, or '&' and its reference's name ('&' is in neither kind of name), so an
   * item without either (which the item's own rule refuses) does not break the rule's evaluation.
   */
  public static final String ONE_ITEM_PER_PROVIDER =
      "self.all(s, self.exists_one(o, (has(o.capacityProvider) ? o.capacityProvider :"
          + " has(o.capacityProviderRef) ? '&' + o.capacityProviderRef.name : '') =="
          + " (has(s.capacityProvider) ? s.capacityProvider : has(s.capacityProviderRef) ? '&' +"
          + " s.capacityProviderRef.name : '')))";

  /** CEL rule on a strategy: at most one item with a base. */
  public static final String ONE_BASE = "size(self.filter(s, has(s.base) && s.base > 0)) <= 1";

  @JsonPropertyDescription(
      "Short name of the capacity provider, e.g. FARGATE, FARGATE_SPOT or an Auto Scaling group"
          + " capacity provider. Set this or capacityProviderRef.")
  @Pattern(NAME_PATTERN)
  @Size(max = 255)
  public String capacityProvider;

  @JsonPropertyDescription(
      "The EcsCapacityProvider object of this namespace whose provider this is; the object waits"
          + " until it is Ready. Set this or capacityProvider.")
  public LocalObjectReference capacityProviderRef;

  @JsonPropertyDescription(
      "Relative share of the tasks placed after the base is met, 0 to 1000; 0 when omitted. A"
          + " provider with weight 0 places no tasks beyond its base.")
  @Min(0)
  @Max(1000)
  public Integer weight;

  @JsonPropertyDescription(
      "Tasks placed on this provider before weights apply, 0 to 100000; 0 when omitted. Only one"
          + " provider of a strategy may have a base.")
  @Min(0)
  @Max(100000)
  public Integer base;

  public CapacityProviderStrategyItem() {}

  public CapacityProviderStrategyItem(String capacityProvider, Integer weight, Integer base) {
    this.capacityProvider = capacityProvider;
    this.weight = weight;
    this.base = base;
  }
}
