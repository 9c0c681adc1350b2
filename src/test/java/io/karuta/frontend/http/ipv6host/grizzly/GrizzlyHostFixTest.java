package io.karuta.frontend.http.ipv6host.grizzly;

import static io.karuta.frontend.http.ipv6host.InstallerFixtures.contextWith;
import static io.karuta.frontend.http.ipv6host.InstallerFixtures.logged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.frontend.http.ipv6host.BareIpv6Host;
import io.karuta.frontend.http.ipv6host.ClassFileReferences;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.logging.LogRecord;
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
    ClassLoader grizzlyButNoPayara = getClass().getClassLoader();
    ClassLoader neither = ClassLoader.getPlatformClassLoader();
    List<LogRecord> records =
        logged(
            GrizzlyHostFix.class,
            () -> {
              new GrizzlyHostFix().onStartup(Set.of(), contextWith(grizzlyButNoPayara));
              new GrizzlyHostFix().onStartup(Set.of(), contextWith(neither));
            });
    assertEquals(List.of(), records);
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
