package io.karuta.frontend.http.ipv6host.undertow;

import static io.karuta.frontend.http.ipv6host.InstallerFixtures.contextWith;
import static io.karuta.frontend.http.ipv6host.InstallerFixtures.logged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.frontend.http.ipv6host.BareIpv6Host;
import io.karuta.frontend.http.ipv6host.ClassFileReferences;
import io.undertow.server.protocol.http.HttpOpenListener;
import io.undertow.server.protocol.http.HttpRequestParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.logging.LogRecord;
import org.jboss.as.server.CurrentServiceContainer;
import org.junit.jupiter.api.Test;
import org.xnio.OptionMap;

class UndertowHostFixTest {

  @Test
  void theNamesWrittenOutAreTheClasses() {
    assertEquals(CurrentServiceContainer.class.getName(), UndertowHostFix.SERVICE_CONTAINER);
    assertEquals(HttpOpenListener.class.getName(), UndertowHostFix.HTTP_OPEN_LISTENER);
  }

  @Test
  void theParserUsesOnlyJdkXnioAndUndertowClasses() throws IOException {
    Set<String> references = ClassFileReferences.of(parserBytes());
    assertTrue(references.contains("io/undertow/server/HttpServerExchange"), "read");
    assertTrue(references.contains("org/xnio/OptionMap"), "read: " + references);
    for (String name : references) {
      assertTrue(
          name.startsWith("java/")
              || name.startsWith("io/undertow/")
              || name.startsWith("org/xnio/"),
          name);
    }
  }

  @Test
  void theParserIsDefinedInUndertowsPackageOnceAndTakesTheRule() throws Exception {
    Class<?> parserClass = ParserSwap.parserClass();
    assertEquals(ParserSwap.PARSER_CLASS, parserClass.getName());
    assertSame(HttpRequestParser.class.getClassLoader(), parserClass.getClassLoader());
    assertSame(parserClass, ParserSwap.parserClass(), "found, not defined again");
    BiFunction<String, InetSocketAddress, String> rule = BareIpv6Host::bracket;
    assertInstanceOf(
        HttpRequestParser.class,
        parserClass
            .getConstructor(OptionMap.class, BiFunction.class)
            .newInstance(OptionMap.EMPTY, rule));
  }

  @Test
  void elsewhereItDoesNothingAndSaysNothing() {
    ClassLoader classesButNoServer = getClass().getClassLoader(); // no WildFly runs here
    ClassLoader neither = ClassLoader.getPlatformClassLoader();
    List<LogRecord> records =
        logged(
            UndertowHostFix.class,
            () -> {
              new UndertowHostFix().onStartup(Set.of(), contextWith(classesButNoServer));
              new UndertowHostFix().onStartup(Set.of(), contextWith(neither));
            });
    assertEquals(List.of(), records);
  }

  private static byte[] parserBytes() throws IOException {
    try (InputStream in =
        UndertowHostFixTest.class.getClassLoader().getResourceAsStream(ParserSwap.PARSER_BYTES)) {
      assertTrue(in != null, ParserSwap.PARSER_BYTES + " is built into target/classes");
      return in.readAllBytes();
    }
  }
}
