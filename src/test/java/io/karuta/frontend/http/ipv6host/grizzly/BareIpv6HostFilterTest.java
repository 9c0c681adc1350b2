package io.karuta.frontend.http.ipv6host.grizzly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.karuta.frontend.http.ipv6host.BareIpv6Host;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.Protocol;
import org.glassfish.grizzly.http.util.DataChunk;
import org.glassfish.grizzly.http.util.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BareIpv6HostFilterTest {
  private static final int LOCAL_PORT = 16969;

  private final BareIpv6HostFilter filter = new BareIpv6HostFilter(BareIpv6Host::bracket);

  /**
   * A request as Grizzly's HTTP codec leaves it on a connection to {@link #LOCAL_PORT}: the Host
   * value still in the received bytes, and the request's host to parse pointing at it.
   */
  private static HttpRequestPacket request(String host) throws ReflectiveOperationException {
    HttpRequestPacket request =
        HttpRequestPacket.builder()
            .method(Method.GET)
            .uri("/announce")
            .protocol(Protocol.HTTP_1_1)
            .build();
    request.setConnection(connection(LOCAL_PORT));
    byte[] bytes = host.getBytes(StandardCharsets.ISO_8859_1);
    DataChunk value = request.getHeaders().addValue(Header.Host);
    value.setBytes(bytes, 0, bytes.length);
    Field unparsedHost = HttpRequestPacket.class.getDeclaredField("unparsedHostC");
    unparsedHost.setAccessible(true);
    unparsedHost.set(request, value); // as org.glassfish.grizzly.http.HttpServerFilter does
    return request;
  }

  /** A connection that has a local address and answers nothing else. */
  private static Connection<?> connection(int localPort) {
    InetSocketAddress local = new InetSocketAddress(InetAddress.getLoopbackAddress(), localPort);
    return (Connection<?>)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getLocalAddress" -> local;
                  case "isBlocking" -> false;
                  default -> null;
                });
  }

  @Test
  void grizzlyCannotParseABareIpv6Host() throws ReflectiveOperationException {
    HttpRequestPacket request = request("::1:16969");
    IllegalStateException e = assertThrows(IllegalStateException.class, request::serverName);
    assertEquals(
        "Host header ::1:16969 contained a non-decimal value in the port definition.",
        e.getMessage());
  }

  @Test
  void aBareIpv6HostWithAPortIsBracketedWhereGrizzlyParsesIt() throws ReflectiveOperationException {
    HttpRequestPacket request = request("::1:16969");
    filter.bracketHost(request);
    assertEquals("[::1]:16969", request.getHeader(Header.Host));
    assertEquals("[::1]", request.serverName().toString());
    assertEquals(16969, request.getServerPort());
  }

  @Test
  void aBareIpv6HostWithoutAPortIsBracketed() throws ReflectiveOperationException {
    HttpRequestPacket request = request("::1");
    filter.bracketHost(request);
    assertEquals("[::1]", request.getHeader(Header.Host));
    assertEquals("[::1]", request.serverName().toString());
  }

  @Test
  void theConnectionsPortSettlesAnAmbiguousValue() throws ReflectiveOperationException {
    HttpRequestPacket toThatPort = request("2001:db8::1:16969");
    filter.bracketHost(toThatPort);
    assertEquals("[2001:db8::1]:16969", toThatPort.getHeader(Header.Host));
    HttpRequestPacket toAnother = request("2001:db8::1:6969");
    filter.bracketHost(toAnother);
    assertEquals("[2001:db8::1:6969]", toAnother.getHeader(Header.Host));
  }

  @ParameterizedTest
  @ValueSource(strings = {"[::1]:6969", "[::1]", "localhost:6969", "127.0.0.1", "a:b:c"})
  void otherValuesStayInTheReceivedBytes(String host) throws ReflectiveOperationException {
    HttpRequestPacket request = request(host);
    DataChunk value = request.getHeaders().getValue(Header.Host);
    filter.bracketHost(request);
    assertSame(value, request.getHeaders().getValue(Header.Host));
    assertEquals(DataChunk.Type.Bytes, value.getType(), "never turned into a string");
    assertEquals(host, value.toString());
  }

  @Test
  void aRuleThatFailsLeavesTheRequestAsItCame() throws ReflectiveOperationException {
    BareIpv6HostFilter orphan =
        new BareIpv6HostFilter(
            (host, local) -> {
              throw new NoClassDefFoundError("io/karuta/bittorrent/IpAddress");
            });
    HttpRequestPacket request = request("::1:16969");
    orphan.bracketHost(request);
    assertEquals("::1:16969", request.getHeader(Header.Host));
  }

  @Test
  void aRequestWithoutHostIsLeftAlone() {
    HttpRequestPacket request =
        HttpRequestPacket.builder().method(Method.GET).uri("/").protocol(Protocol.HTTP_1_0).build();
    filter.bracketHost(request);
    assertEquals(null, request.getHeader(Header.Host));
  }

  @Test
  void theFilterBracketsTheRequestItReadsAndPassesItOn() throws ReflectiveOperationException {
    HttpRequestPacket request = request("::1:16969");
    FilterChainContext context = FilterChainContext.create(request.getConnection());
    context.setMessage(HttpContent.builder(request).build());
    assertSame(context.getInvokeAction(), filter.handleRead(context));
    assertEquals("[::1]:16969", request.getHeader(Header.Host));
  }
}
