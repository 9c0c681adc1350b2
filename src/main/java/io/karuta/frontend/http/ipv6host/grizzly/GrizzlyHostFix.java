package io.karuta.frontend.http.ipv6host.grizzly;

import io.karuta.frontend.http.ipv6host.BareIpv6Host;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.logging.Logger;

/**
 * On Payara Server and Payara Micro, puts a {@link BareIpv6HostFilter} into the filter chain of
 * every HTTP listener but the admin listener when the WAR is deployed, just before Grizzly's web
 * server filter, and takes it out again when the WAR is undeployed. Elsewhere (no {@code
 * org.glassfish.internal.api.Globals}) it does nothing and logs nothing.
 *
 * <p>Logs one INFO line per listener it patches; one WARNING, without a stack trace, when it cannot
 * patch any; never fails the deployment. A leftover filter of an earlier deployment is replaced, so
 * a listener never holds two.
 *
 * <p>Payara's listeners are reached through its internals ({@code GrizzlyService}'s private {@code
 * proxies}), which are not published as a library, so by reflection, once per deployment. The
 * filter chain is used as the {@link List} it is, so this class needs no Grizzly class from the
 * WAR's class loader.
 */
public final class GrizzlyHostFix implements ServletContainerInitializer {
  private static final Logger LOG = Logger.getLogger(GrizzlyHostFix.class.getName());

  private static final String GLOBALS = "org.glassfish.internal.api.Globals";
  private static final String GRIZZLY_SERVICE =
      "com.sun.enterprise.v3.services.impl.GrizzlyService";

  /** Grizzly's web server filter, which hands the request to Payara's {@code CoyoteAdapter}. */
  static final String WEB_SERVER_FILTER = "org.glassfish.grizzly.http.server.HttpServerFilter";

  private static final String ADMIN_LISTENER = "admin-listener";

  private static final BiFunction<String, InetSocketAddress, String> BRACKETING =
      BareIpv6Host::bracket;

  @Override
  public void onStartup(Set<Class<?>> classes, ServletContext context) {
    ClassLoader loader = context.getClassLoader();
    Class<?> globals;
    try {
      globals = Class.forName(GLOBALS, false, loader);
    } catch (ClassNotFoundException e) {
      return; // not Payara or GlassFish
    }
    List<Installed> installed = new ArrayList<>();
    Map<ClassLoader, Class<?>> filterClasses = new HashMap<>();
    try {
      BareIpv6Host.preload();
      for (Object proxy : proxies(globals, loader)) {
        Installed one = install(proxy, loader, filterClasses);
        if (one != null) {
          installed.add(one);
          LOG.info(
              "Bracketing bare IPv6 Host values on HTTP listener "
                  + one.listener()
                  + (one.replacedLeftover()
                      ? " (replaced a filter left by an earlier deployment)"
                      : ""));
        }
      }
      if (installed.isEmpty()) {
        LOG.warning(notInstalled("no HTTP listener with " + WEB_SERVER_FILTER + " was found"));
      }
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      LOG.warning(notInstalled(reason(e)));
    }
    if (!installed.isEmpty()) {
      context.addListener(new Removal(installed));
    }
  }

  /** Returns {@code GrizzlyService.proxies}: one network proxy per network listener. */
  private static Collection<?> proxies(Class<?> globals, ClassLoader loader)
      throws ReflectiveOperationException {
    Object locator = globals.getMethod("getDefaultHabitat").invoke(null);
    Class<?> serviceClass = Class.forName(GRIZZLY_SERVICE, false, loader);
    Object service =
        locator
            .getClass()
            .getMethod("getService", Class.class, Annotation[].class)
            .invoke(locator, serviceClass, new Annotation[0]);
    if (service == null) {
      throw new IllegalStateException("no " + GRIZZLY_SERVICE);
    }
    Field proxies = serviceClass.getDeclaredField("proxies");
    proxies.setAccessible(true);
    return List.copyOf((Collection<?>) proxies.get(service));
  }

  /**
   * Patches one listener's chain; returns what to undo, or {@code null} if it is not patched.
   *
   * @param filterClasses the filter class defined so far for each Grizzly class loader
   */
  private static Installed install(
      Object proxy, ClassLoader warLoader, Map<ClassLoader, Class<?>> filterClasses)
      throws ReflectiveOperationException {
    Object listener = call(proxy, "getUnderlyingListener");
    if (listener == null) {
      return null;
    }
    String name = String.valueOf(call(listener, "getName"));
    if (name.equals(ADMIN_LISTENER)
        || !(call(call(listener, "getTransport"), "getProcessor") instanceof List<?> filters)) {
      return null;
    }
    @SuppressWarnings("unchecked") // a Grizzly FilterChain is a List<Filter>
    List<Object> chain = (List<Object>) filters;
    boolean replacedLeftover = false;
    for (int i = chain.size() - 1; i >= 0; i--) {
      if (chain.get(i).getClass().getName().equals(FilterClassLoader.FILTER_CLASS)) {
        chain.remove(i); // left by a deployment that did not undeploy cleanly
        replacedLeftover = true;
      }
    }
    int webServerFilter = indexOfClass(chain, WEB_SERVER_FILTER);
    if (webServerFilter < 0) {
      return null;
    }
    ClassLoader grizzly = chain.get(webServerFilter).getClass().getClassLoader();
    Class<?> filterClass = filterClasses.get(grizzly);
    if (filterClass == null) {
      filterClass =
          Class.forName(
              FilterClassLoader.FILTER_CLASS, true, new FilterClassLoader(grizzly, warLoader));
      filterClasses.put(grizzly, filterClass);
    }
    Object filter = filterClass.getConstructor(BiFunction.class).newInstance(BRACKETING);
    chain.add(webServerFilter, filter);
    return new Installed(name, chain, filter, replacedLeftover);
  }

  private static int indexOfClass(List<Object> chain, String className) {
    for (int i = 0; i < chain.size(); i++) {
      if (chain.get(i).getClass().getName().equals(className)) {
        return i;
      }
    }
    return -1;
  }

  /** Calls a public no-argument method; {@code null} when the object has no such method. */
  private static Object call(Object target, String method) throws ReflectiveOperationException {
    if (target == null) {
      return null;
    }
    try {
      return target.getClass().getMethod(method).invoke(target);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static String notInstalled(String reason) {
    return "Cannot bracket bare IPv6 Host values ("
        + reason
        + "): requests with Host: ::1:port get an empty reply from Payara";
  }

  private static String reason(Throwable e) {
    return e instanceof InvocationTargetException && e.getCause() != null
        ? e.getCause().toString()
        : e.toString();
  }

  /**
   * A filter put into a listener's chain.
   *
   * @param replacedLeftover whether a filter of an earlier deployment was taken out first
   */
  private record Installed(
      String listener, List<Object> chain, Object filter, boolean replacedLeftover) {}

  /** Takes the filters out when the WAR is undeployed. */
  private static final class Removal implements ServletContextListener {
    private final List<Installed> installed;

    Removal(List<Installed> installed) {
      this.installed = installed;
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
      for (Installed one : installed) {
        try {
          int at = one.chain().indexOf(one.filter());
          if (at >= 0) {
            one.chain().remove(at);
          }
        } catch (RuntimeException e) {
          LOG.warning(
              "Cannot remove the IPv6 Host filter from HTTP listener " + one.listener() + ": " + e);
        }
      }
    }
  }
}
