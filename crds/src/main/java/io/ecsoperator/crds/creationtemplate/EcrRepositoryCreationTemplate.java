package io.ecsoperator.crds.creationtemplate;

import io.ecsoperator.crds.common.ManagedStatus;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.Default;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * An Amazon ECR repository creation template: the settings ECR gives repositories it creates under
 * {@code prefix} (on push, for a pull through cache, or by replication).
 *
 * <p>Ownership: ECR keeps no tags on a template ({@code resourceTags} go to the repositories it
 * creates), so the operator cannot mark it in AWS. The object records in {@code status.createdAt}
 * the creation time ECR reports for the template it created or adopted, and owns the template only
 * while that time matches. Any other template of the prefix is unowned: Stalled with reason
 * AlreadyExists until {@code spec.adopt: true}. Without a mark in AWS, another object's template
 * cannot be told apart (never OwnedByOther), and a create whose response is lost before the status
 * is written is also AlreadyExists. The CLI keeps no status: {@code import} writes {@code adopt:
 * true}.
 */
@Group("ecsoperator.io")
@Version("v1alpha1")
@Plural("ecrrepositorycreationtemplates")
@ShortNames("ecrrct")
@AdditionalPrinterColumn(
    name = "Prefix",
    jsonPath = ".spec.prefix",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
public class EcrRepositoryCreationTemplate
    extends CustomResource<EcrRepositoryCreationTemplateSpec, EcrRepositoryCreationTemplateStatus>
    implements Namespaced {

  @Override
  @Default(ManagedStatus.NOT_SEEN)
  public EcrRepositoryCreationTemplateStatus getStatus() {
    return super.getStatus();
  }
}
