package io.karuta.deploy.helm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The little of the Kubernetes API that the chart's {@code lookup} of its own Secret asks for: the
 * discovery of {@code v1} and reading one Secret, with a 404 for a Secret that does not exist.
 *
 * <p>{@code helm template} answers {@code lookup} with an empty map without asking anyone, but
 * Helm's library as helm-java runs it asks the cluster of {@code KUBECONFIG}. Surefire points
 * {@code KUBECONFIG} at the file this class writes, so the tests never reach a real cluster, render
 * a first install when no Secret is stored, and an upgrade when one is.
 */
final class FakeKubernetesApi {
  private static FakeKubernetesApi instance;

  private final Map<String, Map<String, String>> secrets = new ConcurrentHashMap<>();

  private FakeKubernetesApi() {}

  /**
   * Starts the API once and writes the kubeconfig file that {@code KUBECONFIG} names.
   *
   * @throws IllegalStateException when {@code KUBECONFIG} is not set, as outside Maven
   */
  static synchronized FakeKubernetesApi get() {
    if (instance == null) {
      String kubeconfig = System.getenv("KUBECONFIG");
      if (kubeconfig == null || kubeconfig.isBlank()) {
        throw new IllegalStateException(
            "KUBECONFIG is unset: run the chart tests through Maven, whose surefire sets it");
      }
      FakeKubernetesApi api = new FakeKubernetesApi();
      api.start(Path.of(kubeconfig));
      instance = api;
    }
    return instance;
  }

  /** Stores a Secret, as an earlier install would have left it; {@code null} data removes it. */
  void secret(String namespace, String name, Map<String, String> data) {
    if (data == null) {
      secrets.remove(namespace + "/" + name);
    } else {
      secrets.put(namespace + "/" + name, Map.copyOf(data));
    }
  }

  private void start(Path kubeconfig) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", this::handle);
      server.setExecutor(null);
      server.start();
      Files.createDirectories(kubeconfig.toAbsolutePath().getParent());
      Files.writeString(
          kubeconfig,
          """
          apiVersion: v1
          kind: Config
          clusters:
            - name: fake
              cluster:
                server: http://127.0.0.1:%d
          contexts:
            - name: fake
              context:
                cluster: fake
                user: nobody
          users:
            - name: nobody
              user: {}
          current-context: fake
          """
              .formatted(server.getAddress().getPort()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String[] parts = path.split("/");
    if (path.equals("/api/v1")) {
      reply(
          exchange,
          200,
          """
          {"kind":"APIResourceList","apiVersion":"v1","groupVersion":"v1","resources":[
          {"name":"secrets","singularName":"secret","namespaced":true,"kind":"Secret",
          "verbs":["get"]}]}""");
    } else if (parts.length == 7
        && path.startsWith("/api/v1/namespaces/")
        && parts[5].equals("secrets")) {
      Map<String, String> data = secrets.get(parts[4] + "/" + parts[6]);
      if (data == null) {
        reply(
            exchange,
            404,
            """
            {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404,
            "message":"secrets \\"%s\\" not found"}"""
                .formatted(parts[6]));
      } else {
        String encoded =
            data.entrySet().stream()
                .map(
                    e ->
                        "\"%s\":\"%s\""
                            .formatted(
                                e.getKey(),
                                Base64.getEncoder()
                                    .encodeToString(e.getValue().getBytes(StandardCharsets.UTF_8))))
                .collect(Collectors.joining(","));
        reply(
            exchange,
            200,
            """
            {"kind":"Secret","apiVersion":"v1","metadata":{"name":"%s","namespace":"%s"},
            "type":"Opaque","data":{%s}}"""
                .formatted(parts[6], parts[4], encoded));
      }
    } else {
      reply(exchange, 404, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"code\":404}");
    }
  }

  private static void reply(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
