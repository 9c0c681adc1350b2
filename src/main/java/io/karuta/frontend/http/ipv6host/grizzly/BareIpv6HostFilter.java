package io.karuta.frontend.http.ipv6host.grizzly;

import java.net.InetSocketAddress;
import java.util.function.BiFunction;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.util.DataChunk;
import org.glassfish.grizzly.http.util.Header;

/**
 * A Grizzly filter that sits just before {@code org.glassfish.grizzly.http.server.HttpServerFilter}
 * and gives a bare IPv6 {@code Host} value its brackets, so Payara's {@code CoyoteAdapter} can
 * parse the host (it completes the request with an empty HTTP 200 otherwise).
 *
 * <p>The value is rewritten in place, in the header's own {@link DataChunk}, which is the one the
 * request parses its server name and port from. A value with fewer than two colons, or one that
 * starts with {@code [}, is checked on its bytes and never turned into a string, so a well-formed
 * request allocates nothing here.
 *
 * <p>Defined in a child of Grizzly's class loader ({@link FilterClassLoader}): it may use only JDK
 * and Grizzly classes. The rule comes from the WAR as a JDK {@link BiFunction}; should it fail (the
 * filter of a failed deployment can outlive its WAR), the request passes unchanged.
 */
public final class BareIpv6HostFilter extends BaseFilter {
  private final BiFunction<String, InetSocketAddress, String> bracketing;

  /**
   * Creates the filter.
   *
   * @param bracketing returns a {@code Host} value with its brackets, given the value and the
   *     connection's local address ({@code null} when unknown), or the value itself (the same
   *     instance) to leave it alone
   */
  public BareIpv6HostFilter(BiFunction<String, InetSocketAddress, String> bracketing) {
    this.bracketing = bracketing;
  }

  @Override
  public NextAction handleRead(FilterChainContext context) {
    if (context.getMessage() instanceof HttpContent content
        && content.getHttpHeader() instanceof HttpRequestPacket request) {
      bracketHost(request);
    }
    return context.getInvokeAction();
  }

  /** Rewrites the request's {@code Host} header if it is a bare IPv6 literal. */
  void bracketHost(HttpRequestPacket request) {
    DataChunk host = request.getHeaders().getValue(Header.Host);
    if (host == null || host.isNull()) {
      return;
    }
    int firstColon = host.indexOf(':', 0);
    if (firstColon < 0 || host.indexOf(':', firstColon + 1) < 0 || host.startsWith("[", 0)) {
      return;
    }
    String value = host.toString();
    String bracketed;
    try {
      bracketed = bracketing.apply(value, localAddress(request));
    } catch (RuntimeException | LinkageError e) {
      return; // the rule of a deployment that is gone: leave the request as it came
    }
    if (bracketed != value) {
      host.setString(bracketed);
    }
  }

  private static InetSocketAddress localAddress(HttpRequestPacket request) {
    return request.getConnection() != null
            && request.getConnection().getLocalAddress() instanceof InetSocketAddress local
        ? local
        : null;
  }
}
