# syntax=docker/dockerfile:1
# ecs-operator image: the shaded jar built with the Maven wrapper, on a JRE.
#   docker build -t ecs-operator:0.1.0 .
# Kept consistent with the build and the Helm chart by DockerfileTest.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# The wrapper and the poms first, so a source change reuses the downloaded dependencies' layer.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY crds/pom.xml crds/
COPY reconcilers/pom.xml reconcilers/
COPY operator/pom.xml operator/
COPY crds/src/ crds/src/
COPY reconcilers/src/ reconcilers/src/
COPY operator/src/ operator/src/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -pl operator -am package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/operator/target/ecs-operator.jar /app/ecs-operator.jar
# A numeric user, so the kubelet can verify runAsNonRoot; the chart runs the pod as the same.
USER 10001:10001
# /metrics, /healthz, /readyz
EXPOSE 8080
# Heap sized from the container's memory limit, leaving room for metaspace, threads and the
# direct buffers of the HTTP clients; an out-of-memory error ends the process so that the kubelet
# restarts it instead of leaving it half-alive. The heap starts small and grows with the objects
# watched; the serial collector and the C1 compiler alone suit a process that mostly waits on the
# network and keep its resident memory low (testbed/benchmark-scale measures it).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=70", "-XX:InitialRAMPercentage=5", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseContainerSupport", "-jar", "/app/ecs-operator.jar"]
CMD ["run"]
