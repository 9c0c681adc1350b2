package io.karuta.frontend.http.ipv6host.undertow;

import io.karuta.frontend.http.ipv6host.BareIpv6Host;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.lang.reflect.InvocationTargetException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.logging.Logger;

/**
 * On WildFly, gives every Undertow HTTP and HTTPS listener a request parser that brackets bare IPv6
 * {@code Host} values ({@link ParserSwap}) when the WAR is deployed, and the standard parser back
 * when it is undeployed. Elsewhere (no WildFly service container or no Undertow visible to the WAR)
 * it does nothing and logs nothing.
 *
 * <p>Logs one INFO line per listener it patches; one WARNING, without a stack trace, when it cannot
 * patch any; never fails the deployment.
 *
 * <p>Loads on every server: it uses only JDK and Servlet classes, and reaches {@link ParserSwap},
 * which links Undertow, XNIO, JBoss MSC and WildFly classes, only once they are known to be there.
 */
public final class UndertowHostFix implements ServletContainerInitializer {
  private static final Logger LOG = Logger.getLogger(UndertowHostFix.class.getName());

  static final String SERVICE_CONTAINER = "org.jboss.as.server.CurrentServiceContainer";
  static final String HTTP_OPEN_LISTENER = "io.undertow.server.protocol.http.HttpOpenListener";

  private static final BiFunction<String, InetSocketAddress, String> BRACKETING =
      BareIpv6Host::bracket;

  @Override
  public void onStartup(Set<Class<?>> classes, ServletContext context) {
    ClassLoader loader = context.getClassLoader();
    if (!visible(SERVICE_CONTAINER, loader) || !visible(HTTP_OPEN_LISTENER, loader)) {
      return; // not WildFly
    }
    List<ParserSwap.Swapped> swapped = new ArrayList<>();
    try {
      BareIpv6Host.preload();
      if (!ParserSwap.install(BRACKETING, swapped)) {
        return; // the classes are there, but this is not a running WildFly
      }
      if (swapped.isEmpty()) {
        LOG.warning(notInstalled("no Undertow HTTP listener was found"));
      }
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      LOG.warning(notInstalled(reason(e)));
    }
    for (ParserSwap.Swapped one : swapped) {
      LOG.info(
          "Bracketing bare IPv6 Host values on Undertow listener "
              + one.listener()
              + (one.replacedLeftover()
                  ? " (replaced a parser left by an earlier deployment)"
                  : ""));
    }
    if (!swapped.isEmpty()) {
      context.addListener(new Restore(swapped));
    }
  }

  private static boolean visible(String className, ClassLoader loader) {
    try {
      Class.forName(className, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static String notInstalled(String reason) {
    return "Cannot bracket bare IPv6 Host values ("
        + reason
        + "): requests with Host: ::1:port get HTTP 400 from Undertow";
  }

  private static String reason(Throwable e) {
    return e instanceof InvocationTargetException && e.getCause() != null
        ? e.getCause().toString()
        : e.toString();
  }

  /** Gives the listeners the standard parser back when the WAR is undeployed. */
  private static final class Restore implements ServletContextListener {
    private final List<ParserSwap.Swapped> swapped;

    Restore(List<ParserSwap.Swapped> swapped) {
      this.swapped = swapped;
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
      for (ParserSwap.Swapped one : swapped) {
        try {
          one.restore();
        } catch (ReflectiveOperationException | RuntimeException e) {
          LOG.warning("Cannot give Undertow listener " + one.listener() + " its parser back: " + e);
        }
      }
    }
  }
}
