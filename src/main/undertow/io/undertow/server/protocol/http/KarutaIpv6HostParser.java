package io.undertow.server.protocol.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.BadRequestException;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.function.BiFunction;
import org.xnio.OptionMap;

/**
 * Undertow's HTTP/1.1 request parser, plus one step once a request head is parsed: a bare IPv6
 * {@code Host} value, as libtorrent 2.0.8 sends it ({@code Host: ::1:6969}), gets its brackets
 * before {@code HttpReadListener} runs {@code HostHeaderHandler}, which would answer it with HTTP
 * 400.
 *
 * <p>Not a class of the WAR: Karuta's build ships its class file as a resource, and Karuta's {@code
 * io.karuta.frontend.http.ipv6host.undertow.ParserSwap} defines it in undertow-core's class loader,
 * in this package, because it extends Undertow's generated parser and overrides a method that takes
 * the package-private {@link ParseState}. So it may use only JDK, XNIO and Undertow classes. Once
 * defined it stays until the server stops, and later deployments reuse it: keep its constructor as
 * it is. Should the rule fail (the parser of a failed deployment can outlive its WAR), the request
 * passes unchanged.
 */
public final class KarutaIpv6HostParser extends HttpRequestParser$$generated {
  private final BiFunction<String, InetSocketAddress, String> bracketing;

  /**
   * Creates the parser.
   *
   * @param options the listener's Undertow options, as for Undertow's own parser
   * @param bracketing returns a {@code Host} value with its brackets, given the value and the
   *     connection's local address ({@code null} when unknown), or the value itself (the same
   *     instance) to leave it alone
   */
  public KarutaIpv6HostParser(
      OptionMap options, BiFunction<String, InetSocketAddress, String> bracketing) {
    super(options);
    this.bracketing = bracketing;
  }

  @Override
  public void handle(ByteBuffer buffer, ParseState state, HttpServerExchange exchange)
      throws BadRequestException {
    super.handle(buffer, state, exchange);
    if (!state.isComplete()) {
      return;
    }
    HeaderValues host = exchange.getRequestHeaders().get(Headers.HOST);
    if (host == null || host.size() != 1) {
      return; // none, or several, which Undertow refuses itself
    }
    String value = host.getFirst();
    String bracketed;
    try {
      bracketed =
          bracketing.apply(
              value, exchange.getConnection().getLocalAddress(InetSocketAddress.class));
    } catch (RuntimeException | LinkageError e) {
      return; // the rule of a deployment that is gone: leave the request as it came
    }
    if (bracketed != value) {
      exchange.getRequestHeaders().put(Headers.HOST, bracketed);
    }
  }
}
