package io.karuta.cli;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.Base64;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code karuta-cli genkey}: 32 bytes from {@link SecureRandom}, base64url without padding (43
 * characters that need no quoting in YAML or a shell), for {@code udp.private_key}. Karuta uses the
 * key's text as the HMAC key, so its 256 random bits are all there.
 */
@Command(
    name = "genkey",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a random key for udp.private_key (KARUTA_UDP_PRIVATE_KEY).",
      "Every Karuta instance behind one address needs the same key."
    })
final class GenkeyCommand implements Runnable {
  static final int KEY_BYTES = 32;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    byte[] key = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(key);
    PrintWriter out = spec.commandLine().getOut();
    out.println(Base64.getUrlEncoder().withoutPadding().encodeToString(key));
    out.flush();
  }
}
