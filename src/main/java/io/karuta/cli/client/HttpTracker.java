package io.karuta.cli.client;

import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.Scrape;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * An HTTP or HTTPS tracker, through the JDK's HTTP client: HTTP/1.1 as BitTorrent clients speak it,
 * no redirects followed (a redirect is reported as what it is), one attempt per request with the
 * settings' timeout for the connection and again for the whole reply, bodies of at most 4 MiB.
 */
final class HttpTracker implements Tracker {
  private static final int MAX_BODY = 4 << 20;

  private final URI url;
  private final ClientSettings settings;
  private final HttpClient client;
  private boolean resolved;
  private int requests;

  HttpTracker(URI url, ClientSettings settings) {
    this.url = url;
    this.settings = settings;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public URI url() {
    return url;
  }

  @Override
  public AnnounceReply announce(AnnounceQuery query) throws TrackerException {
    Reply reply = get(HttpUrls.announce(url, query));
    return HttpReplies.announce(reply.status, reply.contentType, reply.body);
  }

  @Override
  public List<Scrape> scrape(List<InfoHash> infoHashes) throws TrackerException {
    URI scrapeUrl =
        HttpUrls.scrapeUrl(url)
            .orElseThrow(
                () ->
                    TrackerException.unsupported(
                        "no scrape: the URL's last path segment does not start with 'announce'"
                            + " (BEP 48)"));
    Reply reply = get(HttpUrls.scrape(scrapeUrl, infoHashes));
    return HttpReplies.scrape(reply.status, reply.contentType, reply.body, infoHashes);
  }

  @Override
  public int requests() {
    return requests;
  }

  @Override
  public void close() {
    // The JDK 17 client has no close; its selector thread is a daemon.
  }

  private record Reply(int status, String contentType, byte[] body) {}

  private Reply get(URI uri) throws TrackerException {
    resolveOnce();
    requests++;
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(settings.timeout())
            .header("User-Agent", "karuta-cli")
            .GET()
            .build();
    CompletableFuture<HttpResponse<byte[]>> pending =
        client.sendAsync(request, info -> new BoundedBody(MAX_BODY));
    try {
      // The request timeout covers the headers only: this bounds the body as well.
      HttpResponse<byte[]> response =
          pending.get(2 * settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
      return new Reply(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw TrackerException.unreachable("no reply within " + settings.timeoutText());
    } catch (ExecutionException e) {
      throw failure(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw TrackerException.unreachable("interrupted");
    }
  }

  /** Looks the host up first, so that a typo says so instead of a generic connection error. */
  private void resolveOnce() throws TrackerException {
    if (resolved) {
      return;
    }
    String host = url.getHost();
    try {
      InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw TrackerException.unreachable("unknown host " + TrackerException.printable(host));
    }
    resolved = true;
  }

  private TrackerException failure(Throwable cause) {
    if (cause instanceof HttpConnectTimeoutException) {
      return TrackerException.unreachable("no connection within " + settings.timeoutText());
    }
    if (cause instanceof HttpTimeoutException) {
      return TrackerException.unreachable("no reply within " + settings.timeoutText());
    }
    if (cause instanceof BoundedBody.TooLarge) {
      return TrackerException.notATracker("a reply larger than 4 MiB");
    }
    if (cause instanceof ConnectException) {
      return TrackerException.unreachable(connectFailure());
    }
    if (cause instanceof SSLException) {
      return TrackerException.unreachable("the TLS handshake failed");
    }
    if (cause instanceof IOException) {
      return TrackerException.notATracker("no valid HTTP reply");
    }
    return TrackerException.unreachable("the HTTP request failed");
  }

  /**
   * Says why the connection failed. The JDK's HTTP client drops the operating system's reason, so
   * this asks again with a plain socket, once, after the failure.
   */
  private String connectFailure() {
    int port =
        url.getPort() >= 0 ? url.getPort() : url.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    try (Socket probe = new Socket()) {
      probe.connect(new InetSocketAddress(url.getHost(), port), settings.timeoutMillis());
      return "cannot connect";
    } catch (NoRouteToHostException e) {
      return "no route to host";
    } catch (SocketTimeoutException e) {
      return "no connection within " + settings.timeoutText();
    } catch (ConnectException e) {
      String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
      return message.contains("refused")
          ? "connection refused"
          : message.contains("unreachable") ? "network unreachable" : "cannot connect";
    } catch (IOException | IllegalArgumentException e) {
      return "cannot connect";
    }
  }
}
