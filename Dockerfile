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
# The C library's malloc keeps an arena per thread that allocates, up to 8 per core, each holding
# on to what it once freed; two suffice for a process whose allocations are nearly all the JVM's.
ENV MALLOC_ARENA_MAX=2
# Heap sized from the container's memory limit, leaving room for metaspace, threads and the
# direct buffers of the HTTP clients; an out-of-memory error ends the process so that the kubelet
# restarts it instead of leaving it half-alive. The heap starts small and grows with the objects
# watched; the serial collector and the C1 compiler alone suit a process that mostly waits on the
# network and keep its resident memory low (testbed/benchmark-scale measures it). After each full
# collection the serial collector sizes the old generation to leave 20-40% of it free rather than
# its default 40-70%, and the young generation follows the old: the committed heap then stays near
# 1.5 times the live objects instead of 2.5 times (at 1000 services 140 MiB committed for 54 MiB
# live), for more full collections, about a tenth of a second each at this size.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=70", "-XX:InitialRAMPercentage=5", "-XX:+UseSerialGC", "-XX:MinHeapFreeRatio=20", "-XX:MaxHeapFreeRatio=40", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseContainerSupport", "-jar", "/app/ecs-operator.jar"]
CMD ["run"]
