package io.ecsoperator.crds.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** One endpoint the service offers through Service Connect. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServiceConnectService {

  @JsonPropertyDescription("Name of a port mapping of the task definition.")
  @Required
  @Size(min = 1, max = 64)
  public String portName;

  @JsonPropertyDescription("Name in Cloud Map; portName when omitted.")
  @Size(min = 1, max = 64)
  public String discoveryName;

  @JsonPropertyDescription("DNS names and ports clients use, compared as a set.")
  @Size(max = 10)
  public List<ClientAlias> clientAliases;

  @JsonPropertyDescription("Port the proxy listens on, when not the container port.")
  @Min(0)
  @Max(65535)
  public Integer ingressPortOverride;

  @JsonPropertyDescription("Idle and per-request timeouts of the proxy.")
  public Timeout timeout;

  @JsonPropertyDescription("TLS between Service Connect proxies.")
  public Tls tls;

  /** A name and port clients reach the endpoint by. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class ClientAlias {

    @JsonPropertyDescription("Port clients connect to.")
    @Required
    @Min(0)
    @Max(65535)
    public Integer port;

    @JsonPropertyDescription("DNS name clients use; discoveryName.namespace when omitted.")
    @Size(min = 1, max = 255)
    public String dnsName;

    @JsonPropertyDescription("Blue/green: requests with this header go to the new tasks.")
    public TestTrafficRules testTrafficRules;
  }

  /** Which requests are test traffic during a blue/green deployment. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class TestTrafficRules {

    @JsonPropertyDescription("The header that marks test traffic.")
    @Required
    public Header header;
  }

  /** A request header and the value it must have. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Header {

    @JsonPropertyDescription("Header name.")
    @Required
    @Size(min = 1, max = 255)
    public String name;

    @JsonPropertyDescription("The value to match.")
    public HeaderValue value;
  }

  /** An exact header value. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class HeaderValue {

    @JsonPropertyDescription("The header must have exactly this value.")
    @Required
    @Size(min = 1, max = 1024)
    public String exact;
  }

  /** Proxy timeouts. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Timeout {

    @JsonPropertyDescription("Seconds a connection may stay idle; 0 turns the limit off.")
    @Min(0)
    public Integer idleTimeoutSeconds;

    @JsonPropertyDescription("Seconds a request may take; 0 turns the limit off.")
    @Min(0)
    public Integer perRequestTimeoutSeconds;
  }

  /** TLS of the endpoint. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Tls {

    @JsonPropertyDescription("The AWS Private CA that issues the certificates.")
    @Required
    public CertificateAuthority issuerCertificateAuthority;

    @JsonPropertyDescription("KMS key that encrypts the private keys.")
    @Size(min = 1, max = 2048)
    public String kmsKey;

    @JsonPropertyDescription("ARN of the IAM role ECS assumes for the certificates.")
    @Size(min = 1, max = 2048)
    public String roleArn;
  }

  /** A certificate authority. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class CertificateAuthority {

    @JsonPropertyDescription("ARN of the AWS Private CA.")
    @Size(min = 1, max = 2048)
    public String awsPcaAuthorityArn;
  }
}
