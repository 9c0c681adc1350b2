package io.karuta.frontend.http.ipv6host.undertow;

import io.undertow.server.protocol.http.AlpnOpenListener;
import io.undertow.server.protocol.http.HttpOpenListener;
import io.undertow.server.protocol.http.HttpRequestParser;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.jboss.as.server.CurrentServiceContainer;
import org.jboss.msc.service.ServiceContainer;
import org.jboss.msc.service.ServiceController;
import org.jboss.msc.service.ServiceName;
import org.xnio.OptionMap;

/**
 * Swaps the HTTP/1.1 request parser of WildFly's Undertow listeners for {@code
 * io.undertow.server.protocol.http.KarutaIpv6HostParser}, which brackets bare IPv6 {@code Host}
 * values before Undertow's {@code HostHeaderHandler} refuses them.
 *
 * <p>The listeners are the values of the JBoss MSC services under {@code
 * org.wildfly.undertow.listener}; the parser is the private {@code parser} field of each {@link
 * HttpOpenListener}: of the HTTP listener itself, and of the HTTP/1.1 fallback inside an HTTPS
 * listener's {@link AlpnOpenListener}. AJP listeners have none and are left alone.
 *
 * <p>The parser class must live in Undertow's own package and class loader (it extends the parser
 * Undertow generates at build time, whose methods take package-private types), so its class file is
 * shipped as the resource {@link #PARSER_BYTES} and defined there through a private lookup. A class
 * cannot be undefined: later deployments find it and reuse it until WildFly restarts, so its
 * constructor {@code (OptionMap, BiFunction<String, InetSocketAddress, String>)} is a contract. It
 * holds no Karuta class; the rule it applies comes in as a JDK {@link BiFunction}.
 */
final class ParserSwap {
  static final String PARSER_CLASS = "io.undertow.server.protocol.http.KarutaIpv6HostParser";

  /** Written by the build from the class compiled in {@code src/main/undertow}; see the pom. */
  static final String PARSER_BYTES = "META-INF/karuta/KarutaIpv6HostParser.bin";

  private static final ServiceName LISTENERS = ServiceName.parse("org.wildfly.undertow.listener");

  private ParserSwap() {}

  /**
   * A listener given Karuta's parser.
   *
   * @param listener the listener's name in the Undertow subsystem, such as {@code default}
   * @param http the listener's HTTP/1.1 open listener
   * @param ours the parser put in
   * @param replacedLeftover whether the parser taken out was one of an earlier deployment
   */
  record Swapped(
      String listener, HttpOpenListener http, HttpRequestParser ours, boolean replacedLeftover) {
    /** Gives the listener a standard parser back, unless something replaced ours meanwhile. */
    void restore() throws ReflectiveOperationException {
      Field parser = parserField();
      if (parser.get(http) == ours) {
        parser.set(http, HttpRequestParser.instance(http.getUndertowOptions()));
      }
    }
  }

  /**
   * Gives every HTTP/1.1 open listener of WildFly's Undertow listeners Karuta's parser.
   *
   * @param bracketing the rule the parser applies to a {@code Host} value
   * @param swapped receives each listener patched, as soon as it is, so that the caller can undo
   *     them even if a later one fails
   * @return false when no WildFly service container runs here
   */
  static boolean install(
      BiFunction<String, InetSocketAddress, String> bracketing, List<Swapped> swapped)
      throws ReflectiveOperationException {
    ServiceContainer container = CurrentServiceContainer.getServiceContainer();
    if (container == null) {
      return false;
    }
    Field parser = parserField();
    Class<?> parserClass = null;
    Set<HttpOpenListener> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (ServiceName name : container.getServiceNames()) {
      if (!LISTENERS.isParentOf(name)) {
        continue;
      }
      for (HttpOpenListener http : http11Listeners(listenerValue(container.getService(name)))) {
        if (!seen.add(http)) {
          continue; // a listener found under a second service name
        }
        if (parserClass == null) {
          parserClass = parserClass();
        }
        HttpRequestParser ours =
            (HttpRequestParser)
                parserClass
                    .getConstructor(OptionMap.class, BiFunction.class)
                    .newInstance(http.getUndertowOptions(), bracketing);
        boolean leftover = parser.get(http).getClass().getName().equals(PARSER_CLASS);
        parser.set(http, ours);
        swapped.add(new Swapped(name.getSimpleName(), http, ours, leftover));
      }
    }
    return true;
  }

  // ServiceController.getValue is deprecated, but services installed the old way, as Undertow's
  // listeners are, still give their value through it.
  @SuppressWarnings("deprecation")
  private static Object listenerValue(ServiceController<?> controller) {
    try {
      return controller == null ? null : controller.getValue();
    } catch (IllegalStateException | UnsupportedOperationException e) {
      return null; // not up, or a service without a value
    }
  }

  /**
   * Returns the HTTP/1.1 open listeners of a WildFly {@code ListenerService}: its own, or the ones
   * inside its ALPN listener. {@code ListenerService.getOpenListener()} is called by reflection so
   * that the WAR needs no dependency on the private WildFly Undertow extension module.
   */
  private static Set<HttpOpenListener> http11Listeners(Object listenerService)
      throws ReflectiveOperationException {
    Set<HttpOpenListener> found = Collections.newSetFromMap(new IdentityHashMap<>());
    if (listenerService == null) {
      return found;
    }
    Object open;
    try {
      open = listenerService.getClass().getMethod("getOpenListener").invoke(listenerService);
    } catch (NoSuchMethodException e) {
      return found;
    }
    if (open instanceof HttpOpenListener http) {
      found.add(http);
    } else if (open instanceof AlpnOpenListener alpn) {
      Field entries = AlpnOpenListener.class.getDeclaredField("listeners");
      entries.setAccessible(true);
      for (Object entry : ((Map<?, ?>) entries.get(alpn)).values()) {
        Field delegate = entry.getClass().getDeclaredField("listener");
        delegate.setAccessible(true);
        if (delegate.get(entry) instanceof HttpOpenListener http) {
          found.add(http);
        }
      }
    }
    return found;
  }

  private static Field parserField() throws NoSuchFieldException {
    Field parser = HttpOpenListener.class.getDeclaredField("parser");
    parser.setAccessible(true);
    return parser;
  }

  /** Returns Karuta's parser class in Undertow's class loader, defining it the first time. */
  static Class<?> parserClass() throws ReflectiveOperationException {
    ClassLoader undertow = HttpRequestParser.class.getClassLoader();
    try {
      return Class.forName(PARSER_CLASS, false, undertow);
    } catch (ClassNotFoundException notYet) {
      byte[] bytes = parserBytes();
      try {
        return MethodHandles.privateLookupIn(HttpRequestParser.class, MethodHandles.lookup())
            .defineClass(bytes);
      } catch (LinkageError e) {
        try {
          return Class.forName(PARSER_CLASS, false, undertow); // defined by another deployment
        } catch (ClassNotFoundException stillMissing) {
          throw e;
        }
      }
    }
  }

  private static byte[] parserBytes() throws ClassNotFoundException {
    try (InputStream in = ParserSwap.class.getClassLoader().getResourceAsStream(PARSER_BYTES)) {
      if (in == null) {
        throw new ClassNotFoundException(PARSER_CLASS + ": no " + PARSER_BYTES + " in the WAR");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new ClassNotFoundException(PARSER_CLASS, e);
    }
  }
}
