package io.karuta.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rediss://} really means TLS with a checked certificate: against a redis-server that speaks
 * only TLS on its TLS port, a JVM that trusts the server's certificate reads and writes; a JVM that
 * does not, or a URL whose host the certificate does not name, gets the store's client error. The
 * certificate is made with {@code openssl}, and each case runs in a child JVM, because the JVM
 * reads its default trust store once.
 */
class RedisTlsTest {
  private static final long CHILD_TIMEOUT_SECONDS = 60;

  @TempDir Path dir;

  @Test
  void theCertificateAndTheHostNameAreChecked() throws Exception {
    Path key = dir.resolve("key.pem");
    Path cert = dir.resolve("cert.pem");
    List<String> openssl =
        new ArrayList<>(
            List.of(
                ("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1"
                        + " -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1")
                    .split(" ")));
    openssl.addAll(List.of("-keyout", key.toString(), "-out", cert.toString()));
    run(openssl);
    Path trustStore = trustStore(cert);
    int tlsPort = RedisServer.freePort();
    try (RedisServer server =
        RedisServer.start(
            List.of(
                "--tls-port", Integer.toString(tlsPort),
                "--tls-cert-file", cert.toString(),
                "--tls-key-file", key.toString(),
                "--tls-ca-cert-file", cert.toString(),
                "--tls-auth-clients", "no"))) {
      String byAddress = "rediss://127.0.0.1:" + tlsPort;
      String byName = "rediss://localhost:" + tlsPort;
      String plain = "redis://127.0.0.1:" + tlsPort;
      String trusting =
          probe(List.of("-Djavax.net.ssl.trustStore=" + trustStore), byAddress, byName, plain);
      assertEquals(List.of("1", "unavailable", "unavailable"), results(trusting));
      assertTrue(trusting.contains("No name matching localhost found"), trusting);
      String distrusting = probe(List.of(), byAddress);
      assertEquals(List.of("unavailable"), results(distrusting));
      assertTrue(distrusting.contains("PKIX path building failed"), distrusting);
    }
  }

  private Path trustStore(Path cert) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    try (InputStream in = Files.newInputStream(cert)) {
      store.setCertificateEntry(
          "redis", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    Path file = dir.resolve("trust.p12");
    try (var out = Files.newOutputStream(file)) {
      store.store(out, "changeit".toCharArray());
    }
    return file;
  }

  /** Returns the output of a {@link TlsProbe} run in a child JVM with {@code jvmOptions}. */
  private String probe(List<String> jvmOptions, String... urls) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Djavax.net.ssl.trustStorePassword=changeit");
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.add(TlsProbe.class.getName());
    command.addAll(List.of(urls));
    return run(command);
  }

  /** Returns the probe's result lines, leaving out the store's logged warnings. */
  private static List<String> results(String output) {
    List<String> lines = new ArrayList<>();
    for (String line : output.split("\n")) {
      if (line.equals("unavailable") || line.matches("\\d+")) {
        lines.add(line);
      }
    }
    return lines;
  }

  private String run(List<String> command) throws IOException, InterruptedException {
    Path output = Files.createTempFile(dir, "run", ".txt");
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          command.get(0) + " cannot run; the TLS test needs it (Debian: apt-get install openssl)",
          e);
    }
    try {
      assertTrue(
          process.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS), command.get(0) + " hung");
    } finally {
      process.destroyForcibly();
    }
    String text = Files.readString(output);
    assertEquals(0, process.exitValue(), () -> String.join(" ", command) + ":\n" + text);
    return text;
  }
}
