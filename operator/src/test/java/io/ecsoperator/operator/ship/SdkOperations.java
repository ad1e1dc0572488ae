package io.ecsoperator.operator.ship;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The AWS operations the operator's compiled code calls, as IAM actions ("ecs:CreateCluster"):
 * every reference to a method of an SDK client found in the constant pools of the io.ecsoperator
 * classes, whatever the calling style (direct call, lambda, method reference), kept when that
 * method is an API operation (it takes the operation's request).
 */
final class SdkOperations {

  /** SDK client interface (internal name) -> IAM service prefix. */
  static final Map<Class<?>, String> CLIENTS =
      Map.of(
          EcsClient.class, "ecs",
          EcrClient.class, "ecr",
          ApplicationAutoScalingClient.class, "application-autoscaling",
          ResourceGroupsTaggingApiClient.class, "tag",
          CloudWatchLogsClient.class, "logs",
          SchedulerClient.class, "scheduler",
          StsClient.class, "sts");

  private SdkOperations() {}

  /** The IAM actions of the SDK calls in the classes beside these (their jar or folder). */
  static Set<String> calledBy(Class<?>... anchors) {
    Set<String> actions = new TreeSet<>();
    for (Class<?> anchor : anchors) {
      forEachClassFile(anchor, in -> actions.addAll(actionsIn(in)));
    }
    return actions;
  }

  /** "ecs:DescribeServices" when that is an operation of the service's client, else null. */
  static String actionOf(Class<?> client, String method) {
    for (Method m : client.getMethods()) {
      if (m.getName().equals(method)
          && m.getParameterCount() == 1
          && AwsRequest.class.isAssignableFrom(m.getParameterTypes()[0])) {
        return CLIENTS.get(client)
            + ":"
            + Character.toUpperCase(method.charAt(0))
            + method.substring(1);
      }
    }
    return null;
  }

  private static Set<String> actionsIn(InputStream classFile) {
    Map<String, Class<?>> clients = new HashMap<>();
    CLIENTS.keySet().forEach(c -> clients.put(c.getName().replace('.', '/'), c));
    Set<String> actions = new TreeSet<>();
    ConstantPool pool = ConstantPool.read(classFile);
    for (int[] ref : pool.methodRefs) {
      Class<?> client = clients.get(pool.className(ref[0]));
      if (client != null) {
        String action = actionOf(client, pool.memberName(ref[1]).replaceFirst("Paginator$", ""));
        if (action != null) {
          actions.add(action);
        }
      }
    }
    return actions;
  }

  private interface ClassFileVisitor {
    void visit(InputStream classFile) throws IOException;
  }

  private static void forEachClassFile(Class<?> anchor, ClassFileVisitor visitor) {
    try {
      Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(location)) {
        walk(location, visitor);
      } else {
        try (FileSystem jar = FileSystems.newFileSystem(location)) {
          walk(jar.getPath("/"), visitor);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void walk(Path root, ClassFileVisitor visitor) throws IOException {
    Path ours = root.resolve("io/ecsoperator");
    try (Stream<Path> files = Files.walk(ours)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          visitor.visit(in);
        }
      }
    }
  }

  /** The constant pool of a class file (JVMS §4.4): enough of it to resolve method references. */
  private static final class ConstantPool {
    private final Map<Integer, String> utf8 = new HashMap<>();
    private final Map<Integer, Integer> classNames = new HashMap<>();
    private final Map<Integer, Integer> nameAndTypeNames = new HashMap<>();

    /** {class index, name-and-type index} of each Methodref and InterfaceMethodref. */
    private final java.util.List<int[]> methodRefs = new java.util.ArrayList<>();

    static ConstantPool read(InputStream classFile) {
      ConstantPool pool = new ConstantPool();
      try {
        DataInputStream in = new DataInputStream(classFile);
        in.readInt(); // magic
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        for (int i = 1; i < count; i++) {
          int tag = in.readUnsignedByte();
          switch (tag) {
            case 1 -> pool.utf8.put(i, in.readUTF());
            case 7 -> pool.classNames.put(i, in.readUnsignedShort());
            case 8, 16, 19, 20 -> in.readUnsignedShort();
            case 3, 4 -> in.readInt();
            case 5, 6 -> {
              in.readLong();
              i++; // 8-byte constants take two slots
            }
            case 9, 17, 18 -> in.readInt();
            case 10, 11 ->
                pool.methodRefs.add(new int[] {in.readUnsignedShort(), in.readUnsignedShort()});
            case 12 -> {
              pool.nameAndTypeNames.put(i, in.readUnsignedShort());
              in.readUnsignedShort();
            }
            case 15 -> {
              in.readUnsignedByte();
              in.readUnsignedShort();
            }
            default -> throw new IllegalStateException("unknown constant pool tag " + tag);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return pool;
    }

    String className(int classIndex) {
      return utf8.get(classNames.get(classIndex));
    }

    String memberName(int nameAndTypeIndex) {
      return utf8.get(nameAndTypeNames.get(nameAndTypeIndex));
    }
  }
}
