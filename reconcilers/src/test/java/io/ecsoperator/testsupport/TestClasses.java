package io.ecsoperator.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The per-kind parts of a shared test, each kept in its kind's own folder and found here instead of
 * listed: the classes beside an anchor class (in its class folder or jar) whose names end with a
 * suffix, in class name order. A new kind's part is picked up by being there.
 */
public final class TestClasses {

  private TestClasses() {}

  @SuppressWarnings("unchecked") // each instance is checked to be a type, and T is a type
  public static <T> List<T> instancesOf(Class<? super T> type, String suffix) {
    List<T> found = new ArrayList<>();
    for (Class<?> candidate : classesBeside(type, suffix)) {
      if (type.isAssignableFrom(candidate)
          && !candidate.isInterface()
          && !Modifier.isAbstract(candidate.getModifiers())) {
        found.add((T) instantiate(candidate));
      }
    }
    return found;
  }

  /** The classes beside {@code anchor} whose names end with {@code suffix}, not initialized. */
  public static List<Class<?>> classesBeside(Class<?> anchor, String suffix) {
    return classNames(anchor, suffix).stream()
        .<Class<?>>map(name -> load(name, anchor.getClassLoader()))
        .toList();
  }

  private static List<String> classNames(Class<?> anchor, String suffix) {
    try {
      Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(location)) {
        return classNamesUnder(location, suffix);
      }
      try (FileSystem jar = FileSystems.newFileSystem(location)) {
        return classNamesUnder(jar.getPath("/"), suffix);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> classNamesUnder(Path root, String suffix) throws IOException {
    try (Stream<Path> files = Files.walk(root.resolve("io/ecsoperator"))) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(suffix + ".class"))
          .map(f -> root.relativize(f).toString().replace(".class", "").replace('/', '.'))
          .sorted()
          .toList();
    }
  }

  private static Class<?> load(String name, ClassLoader loader) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object instantiate(Class<?> type) {
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("a " + type + " needs a public no-argument constructor", e);
    }
  }
}
