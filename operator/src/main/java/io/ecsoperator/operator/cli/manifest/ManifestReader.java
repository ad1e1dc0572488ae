package io.ecsoperator.operator.cli.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML documents from files, folders (recursively: {@code .yaml}, {@code .yml} and {@code
 * .json} files, in name order) and {@code -} for standard input. Parsing is strict: duplicate keys
 * are errors, and dates stay strings as they do for the API server.
 */
public final class ManifestReader {

  /** A parsed document, not yet checked. */
  public record Document(ManifestSource source, Object content) {}

  private final InputStream stdin;

  public ManifestReader(InputStream stdin) {
    this.stdin = stdin;
  }

  /**
   * The documents of every input, in order. Empty documents are skipped; files that cannot be read
   * or parsed are reported in {@code errors}.
   */
  public List<Document> read(List<String> inputs, List<String> errors) {
    List<Document> documents = new ArrayList<>();
    for (String input : inputs) {
      if (input.equals("-")) {
        parse("<stdin>", new InputStreamReader(stdin, StandardCharsets.UTF_8), documents, errors);
        continue;
      }
      Path path = Path.of(input);
      if (!Files.exists(path)) {
        errors.add(input + ": no such file or folder");
        continue;
      }
      for (Path file : files(path)) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          parse(file.toString(), reader, documents, errors);
        } catch (IOException e) {
          errors.add(file + ": " + e.getMessage());
        }
      }
    }
    return documents;
  }

  private static List<Path> files(Path path) {
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> walk = Files.walk(path)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(ManifestReader::isManifestFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isManifestFile(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  private static void parse(
      String file, Reader reader, List<Document> documents, List<String> errors) {
    int index = 0;
    try {
      for (Object content : yaml().loadAll(reader)) {
        index++;
        if (content != null) {
          documents.add(new Document(new ManifestSource(file, index), content));
        }
      }
    } catch (YAMLException e) {
      errors.add(file + " document " + (index + 1) + ": not valid YAML: " + e.getMessage());
    }
  }

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    return new Yaml(
        new SafeConstructor(options),
        new Representer(new DumperOptions()),
        new DumperOptions(),
        options,
        new NoTimestamps());
  }

  /** YAML 1.1 would make {@code 2024-01-01} a date; Kubernetes keeps it a string. */
  private static final class NoTimestamps extends Resolver {
    @Override
    public void addImplicitResolver(Tag tag, Pattern regexp, String first) {
      if (!tag.equals(Tag.TIMESTAMP)) {
        super.addImplicitResolver(tag, regexp, first);
      }
    }

    @Override
    public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
      if (!tag.equals(Tag.TIMESTAMP)) {
        super.addImplicitResolver(tag, regexp, first, limit);
      }
    }
  }
}
