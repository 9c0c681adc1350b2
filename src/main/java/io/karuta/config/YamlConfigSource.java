package io.karuta.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Karuta's YAML file as a MicroProfile Config source, at ordinal {@value #ORDINAL}: above the
 * defaults packed in the WAR (100) and Payara's file sources (90 to 105), below environment
 * variables (300) and system properties (400).
 *
 * <p>The file is named by {@code karuta.config}, looked up when the source is created: first the
 * system property, then the environment variables {@code karuta.config}, {@code karuta_config} and
 * {@code KARUTA_CONFIG}. Without one the source is empty and the defaults apply. The source also
 * publishes {@code karuta.config} itself.
 *
 * <p>The file is read with SnakeYAML's safe constructor, so no tag can create arbitrary objects,
 * within limits on size (1 MiB), nesting and aliases. Only {@code null} and merge keys ({@code <<})
 * are recognised implicitly: every other plain value keeps its text as written ({@code 010}, {@code
 * on} and {@code 1:30} stay text, where YAML 1.1 would change them into 8, true and 90). See {@link
 * YamlFlattener} for the property names.
 *
 * <p>A load failure (missing or unreadable file, YAML syntax error, wrong shape) does not throw
 * from the constructor, which would break MicroProfile Config's own start with an obscure error:
 * the source stays empty and {@link #loadError()} tells what went wrong, for {@link
 * ConfigReader#read(org.eclipse.microprofile.config.Config)} to report. Immutable and thread-safe.
 */
public final class YamlConfigSource implements ConfigSource {
  /** The ordinal of this source. */
  public static final int ORDINAL = 250;

  private static final long MAX_BYTES = 1 << 20;
  private static final List<String> ENV_NAMES =
      List.of(KnownKeys.CONFIG, "karuta_config", "KARUTA_CONFIG");

  private final String location;
  private final Map<String, String> properties;
  private final String loadError;

  /** Creates the source from the file named by {@code karuta.config}, if any. */
  public YamlConfigSource() {
    this(locate(System::getProperty, System::getenv));
  }

  /**
   * Creates the source from a given file, for tests.
   *
   * @param location the file, or {@code null} or blank for an empty source
   */
  YamlConfigSource(String location) {
    this.location = location == null || location.isBlank() ? null : location;
    Map<String, String> loaded = new LinkedHashMap<>();
    String error = null;
    if (this.location != null) {
      try {
        loaded.putAll(YamlFlattener.flatten(load(this.location)));
      } catch (IOException | RuntimeException e) {
        error = describe(this.location, e);
      }
      loaded.put(KnownKeys.CONFIG, this.location);
    }
    this.properties = Collections.unmodifiableMap(loaded);
    this.loadError = error;
  }

  /**
   * Returns the file named by {@code karuta.config}: the system property, else the first of the
   * environment variables {@code karuta.config}, {@code karuta_config}, {@code KARUTA_CONFIG}
   * (MicroProfile Config's mapping order); blank values count as unset.
   *
   * @return the location, or {@code null} when none is set
   */
  static String locate(UnaryOperator<String> systemProperty, UnaryOperator<String> environment) {
    String location = systemProperty.apply(KnownKeys.CONFIG);
    for (int i = 0; (location == null || location.isBlank()) && i < ENV_NAMES.size(); i++) {
      location = environment.apply(ENV_NAMES.get(i));
    }
    return location == null || location.isBlank() ? null : location;
  }

  /**
   * Returns why the file could not be used, naming the file, or empty when it loaded (or when no
   * file is configured).
   */
  public Optional<String> loadError() {
    return Optional.ofNullable(loadError);
  }

  @Override
  public Map<String, String> getProperties() {
    return properties;
  }

  @Override
  public Set<String> getPropertyNames() {
    return properties.keySet();
  }

  @Override
  public String getValue(String propertyName) {
    return properties.get(propertyName);
  }

  @Override
  public String getName() {
    if (location == null) {
      return "KarutaYaml[no file]";
    }
    try {
      return "KarutaYaml[" + Path.of(location).toAbsolutePath() + "]";
    } catch (InvalidPathException e) {
      return "KarutaYaml[" + location + "]";
    }
  }

  @Override
  public int getOrdinal() {
    return ORDINAL;
  }

  private static Object load(String location) throws IOException {
    Path path = Path.of(location);
    if (Files.isRegularFile(path) && Files.size(path) > MAX_BYTES) {
      throw new IOException("is larger than 1 MiB");
    }
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(path));
    String text = StandardCharsets.UTF_8.newDecoder().decode(bytes).toString();
    return yaml().load(text);
  }

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(20);
    options.setNestingDepthLimit(20);
    options.setCodePointLimit((int) MAX_BYTES);
    DumperOptions dumperOptions = new DumperOptions();
    return new Yaml(
        new SafeConstructor(options),
        new Representer(dumperOptions),
        dumperOptions,
        options,
        new TextResolver());
  }

  private static String describe(String location, Exception e) {
    if (e instanceof MarkedYAMLException marked) {
      // Not getMessage(): it quotes the offending lines, which may hold a secret.
      Mark mark =
          marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
      String where =
          mark == null
              ? ""
              : " line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
      String context = marked.getContext() == null ? "" : marked.getContext() + ", ";
      return location + where + ": " + context + marked.getProblem();
    }
    if (e instanceof NoSuchFileException) {
      return location + ": no such file (unset karuta.config to run on the built-in defaults)";
    }
    if (e instanceof CharacterCodingException) {
      return location + ": not UTF-8 text";
    }
    if (e instanceof IOException) {
      return location + ": cannot be read (" + e.getMessage() + ")";
    }
    if (!(e instanceof IllegalArgumentException)) {
      return location + ": cannot be loaded (" + e + ")";
    }
    return location + ": " + e.getMessage();
  }

  /** Resolves only null and merge keys implicitly, so plain values stay text as written. */
  private static final class TextResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.MERGE, MERGE, "<", 10);
      addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
      addImplicitResolver(Tag.NULL, EMPTY, null, 10);
    }
  }
}
