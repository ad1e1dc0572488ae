package io.ecsoperator.crds.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ecsoperator.crds.taskdefinition.LogConfiguration;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/**
 * Service Connect: the service's endpoints in a Cloud Map namespace and a proxy in each task. Only
 * the fields written here are compared with AWS.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServiceConnectConfiguration {

  @JsonPropertyDescription("Turn Service Connect on for the service.")
  @Required
  public Boolean enabled;

  @JsonPropertyDescription(
      "Cloud Map namespace, by name or ARN; the cluster's default namespace when omitted. AWS"
          + " reports an ARN, which a name is taken to match.")
  @Size(min = 1, max = 1024)
  public String namespace;

  @JsonPropertyDescription(
      "Endpoints the service offers to others, by port name of the task definition, compared as"
          + " a set.")
  @Size(max = 10)
  @ValidationRule(
      value = "self.all(s, self.exists_one(o, o.portName == s.portName))",
      message = "each portName may appear once")
  public List<ServiceConnectService> services;

  @JsonPropertyDescription("Where the Service Connect proxy writes its logs.")
  public LogConfiguration logConfiguration;

  @JsonPropertyDescription("Access logs of the Service Connect proxy.")
  public AccessLogConfiguration accessLogConfiguration;

  /** Access logs of the proxy. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class AccessLogConfiguration {

    /** Access log formats. */
    public enum Format {
      TEXT,
      JSON
    }

    /** Whether query parameters appear in access logs. */
    public enum IncludeQueryParameters {
      DISABLED,
      ENABLED
    }

    @JsonPropertyDescription("TEXT or JSON.")
    @Required
    public Format format;

    @JsonPropertyDescription(
        "ENABLED writes the query parameters of requests; DISABLED by default.")
    public IncludeQueryParameters includeQueryParameters;
  }
}
