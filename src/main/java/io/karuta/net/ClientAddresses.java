package io.karuta.net;

import io.karuta.bittorrent.IpAddress;
import io.karuta.config.TrackerConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.UnaryOperator;

/**
 * The client address of a request, by {@code http.real_ip_header} and {@code http.trusted_proxies}
 * ({@link ClientAddressResolver}). Thread-safe.
 */
@ApplicationScoped
public class ClientAddresses {
  @Inject TrackerConfig config;

  private ClientAddressResolver resolver;

  @PostConstruct
  void init() {
    resolver = new ClientAddressResolver(config.http());
  }

  /**
   * Returns the client's address: the connection's, or the real-IP header's when a trusted proxy
   * sent the request. Headers are read only in that case.
   *
   * @param remoteAddr the connection's address as the servlet container reports it
   * @param headerValues returns every value of the named header joined by {@code ","} ({@link
   *     HeaderValues#joined}), or {@code null}
   * @throws io.karuta.bittorrent.ClientError {@link ClientAddressResolver#UNPARSABLE_IP} when an
   *     address that must be read is not an IP literal
   */
  public IpAddress of(String remoteAddr, UnaryOperator<String> headerValues) {
    IpAddress remote = ClientAddressResolver.parseRemote(remoteAddr);
    if (!resolver.believesHeaderFrom(remote)) {
      return remote;
    }
    return resolver.resolve(remote, headerValues.apply(resolver.headerName()));
  }
}
