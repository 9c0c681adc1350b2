package io.karuta.middleware.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.nimbusds.jose.JWSObject;
import fish.payara.micro.PayaraMicro;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Payara Micro loads its own nimbus-jose-jwt before the copy in the WAR's {@code WEB-INF/lib}, so
 * the version the tests use must be the one Payara ships: otherwise the tests check a library the
 * tracker does not run on Payara.
 */
class JwtLibraryVersionTest {
  @Test
  void theBundledVersionIsTheOnePayaraMicroLoads() throws IOException, URISyntaxException {
    Path payaraMicro =
        Path.of(PayaraMicro.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String payaras;
    try (ZipFile jar = new ZipFile(payaraMicro.toFile())) {
      ZipEntry nested = jar.getEntry("MICRO-INF/runtime/nimbus-jose-jwt.jar");
      assertNotNull(nested, "Payara Micro no longer ships nimbus-jose-jwt: drop this test");
      try (InputStream in = jar.getInputStream(nested);
          JarInputStream nimbus = new JarInputStream(in)) {
        Manifest manifest = nimbus.getManifest();
        payaras = manifest.getMainAttributes().getValue("Implementation-Version");
      }
    }

    assertEquals(
        payaras,
        JWSObject.class.getPackage().getImplementationVersion(),
        "set nimbus-jose-jwt.version in pom.xml to the version " + payaraMicro + " ships");
  }
}
