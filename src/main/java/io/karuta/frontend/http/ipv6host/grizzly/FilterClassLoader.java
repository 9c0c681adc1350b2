package io.karuta.frontend.http.ipv6host.grizzly;

import java.io.IOException;
import java.io.InputStream;

/**
 * A child of Grizzly's class loader that defines exactly one class, {@link BareIpv6HostFilter},
 * from the class file in the WAR, so the filter links against the very Grizzly classes of the
 * filter chain it joins, whatever the WAR's own class loader sees of Grizzly (Payara's
 * class-loading isolation can hide it, or a WAR could bundle another copy).
 *
 * <p>Every other class comes from the parent: the filter must need nothing but JDK and Grizzly
 * classes. One loader per deployment, so a redeployed WAR brings its own filter class.
 */
final class FilterClassLoader extends ClassLoader {
  /** Its name, written out: {@code BareIpv6HostFilter.class} cannot be loaded outside Grizzly. */
  static final String FILTER_CLASS = "io.karuta.frontend.http.ipv6host.grizzly.BareIpv6HostFilter";

  static {
    registerAsParallelCapable();
  }

  private final ClassLoader classFiles;

  /**
   * Creates the loader.
   *
   * @param grizzly the loader of the filter chain's Grizzly classes, the parent
   * @param classFiles the loader whose resources hold the filter's class file (the WAR's)
   */
  FilterClassLoader(ClassLoader grizzly, ClassLoader classFiles) {
    super("karuta-ipv6-host-filter", grizzly);
    this.classFiles = classFiles;
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    if (!name.equals(FILTER_CLASS)) {
      throw new ClassNotFoundException(name);
    }
    try (InputStream in = classFiles.getResourceAsStream(name.replace('.', '/') + ".class")) {
      if (in == null) {
        throw new ClassNotFoundException(name);
      }
      byte[] bytes = in.readAllBytes();
      return defineClass(name, bytes, 0, bytes.length);
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
  }
}
