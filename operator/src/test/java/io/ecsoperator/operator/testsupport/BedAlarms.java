package io.ecsoperator.operator.testsupport;

import io.ecsoperator.testsupport.TestBed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CloudWatch alarms in the bed's moto, which the bed's model of service deployments watches. The
 * SDK's CloudWatch client speaks the Smithy RPC v2 CBOR protocol, which moto 5.2 does not serve (it
 * answers 404), so these calls use CloudWatch's query protocol, as the AWS CLI v1 did; moto finds
 * the service by the credential scope and does not check the signature.
 */
public final class BedAlarms {

  private final TestBed bed;
  private final HttpClient http = HttpClient.newHttpClient();

  public BedAlarms(TestBed bed) {
    this.bed = bed;
  }

  /** An alarm on the ALB's 5xx count, as a canary deployment would watch. */
  public void create(String name) {
    Map<String, String> alarm = new LinkedHashMap<>();
    alarm.put("AlarmName", name);
    alarm.put("Namespace", "AWS/ApplicationELB");
    alarm.put("MetricName", "HTTPCode_Target_5XX_Count");
    alarm.put("Statistic", "Sum");
    alarm.put("Period", "60");
    alarm.put("EvaluationPeriods", "1");
    alarm.put("Threshold", "5");
    alarm.put("ComparisonOperator", "GreaterThanThreshold");
    call("PutMetricAlarm", alarm);
  }

  /** SetAlarmState: OK, ALARM or INSUFFICIENT_DATA. */
  public void setState(String name, String state) {
    call(
        "SetAlarmState",
        Map.of("AlarmName", name, "StateValue", state, "StateReason", "set by a test"));
  }

  private void call(String action, Map<String, String> parameters) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("Action", action);
    form.put("Version", "2010-08-01");
    form.putAll(parameters);
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(bed.awsEndpoint().resolve("/"))
            .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
            .header(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=testing/20260101/"
                    + bed.region()
                    + "/monitoring/aws4_request, SignedHeaders=host, Signature=0")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            action + " answered " + response.statusCode() + ": " + response.body());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
