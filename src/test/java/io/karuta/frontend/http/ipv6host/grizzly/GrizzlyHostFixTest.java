package io.karuta.frontend.http.ipv6host.grizzly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.karuta.frontend.http.ipv6host.BareIpv6Host;
import io.karuta.frontend.http.ipv6host.ClassFileReferences;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.junit.jupiter.api.Test;

class GrizzlyHostFixTest {

  @Test
  void theNamesWrittenOutAreTheClasses() {
    assertEquals(BareIpv6HostFilter.class.getName(), FilterClassLoader.FILTER_CLASS);
    assertEquals(HttpServerFilter.class.getName(), GrizzlyHostFix.WEB_SERVER_FILTER);
  }

  @Test
  void theFilterUsesOnlyJdkAndGrizzlyClasses() throws IOException {
    Set<String> references = ClassFileReferences.of(classFile(BareIpv6HostFilter.class));
    assertTrue(references.contains("org/glassfish/grizzly/filterchain/BaseFilter"), "read");
    assertTrue(references.contains("java/util/function/BiFunction"), "read: " + references);
    for (String name : references) {
      assertTrue(
          name.startsWith("java/")
              || name.startsWith("org/glassfish/grizzly/")
              || name.equals("io/karuta/frontend/http/ipv6host/grizzly/BareIpv6HostFilter"),
          name);
    }
  }

  @Test
  void theFilterIsDefinedInAChildOfGrizzlysLoader() throws Exception {
    URL[] grizzlyJars = {location(BaseFilter.class), location(HttpContent.class)};
    try (URLClassLoader grizzlyOnly =
        new URLClassLoader(grizzlyJars, ClassLoader.getPlatformClassLoader())) {
      FilterClassLoader child = new FilterClassLoader(grizzlyOnly, getClass().getClassLoader());
      Class<?> filterClass = Class.forName(FilterClassLoader.FILTER_CLASS, true, child);
      assertSame(child, filterClass.getClassLoader());
      assertNotSame(BareIpv6HostFilter.class, filterClass);
      assertSame(
          grizzlyOnly.loadClass(BaseFilter.class.getName()), filterClass.getSuperclass(), "parent");
      BiFunction<String, InetSocketAddress, String> rule = BareIpv6Host::bracket;
      filterClass.getConstructor(BiFunction.class).newInstance(rule);
    }
  }

  @Test
  void elsewhereItDoesNothingAndSaysNothing() {
    // The test class path has Grizzly but not Payara: no org.glassfish.internal.api.Globals.
    List<LogRecord> records = new ArrayList<>();
    Handler handler = recordInto(records);
    Logger logger = Logger.getLogger(GrizzlyHostFix.class.getName());
    logger.addHandler(handler);
    try {
      new GrizzlyHostFix().onStartup(Set.of(), context(getClass().getClassLoader()));
      new GrizzlyHostFix().onStartup(Set.of(), context(ClassLoader.getPlatformClassLoader()));
    } finally {
      logger.removeHandler(handler);
    }
    assertEquals(List.of(), records);
  }

  /** A servlet context that has a class loader and fails the test on any other call. */
  static ServletContext context(ClassLoader loader) {
    return (ServletContext)
        Proxy.newProxyInstance(
            ServletContext.class.getClassLoader(),
            new Class<?>[] {ServletContext.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getClassLoader")) {
                return loader;
              }
              return fail("unexpected call: " + method);
            });
  }

  static Handler recordInto(List<LogRecord> records) {
    return new Handler() {
      @Override
      public void publish(LogRecord record) {
        records.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }

  private static URL location(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation();
  }

  private static byte[] classFile(Class<?> type) throws IOException {
    try (InputStream in =
        type.getClassLoader().getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
      return in.readAllBytes();
    }
  }
}
