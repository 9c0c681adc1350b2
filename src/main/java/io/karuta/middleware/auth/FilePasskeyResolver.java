package io.karuta.middleware.auth;

import io.karuta.config.Options;
import io.karuta.middleware.ReloadingFile;
import io.karuta.middleware.ReloadingFiles;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;

/**
 * The default {@link PasskeyResolver}: the passkeys listed in the file named by the hook option
 * {@value #PASSKEYS_FILE}, one per line ({@code #} comments, blank lines ignored), read again when
 * the file changes ({@link ReloadingFile}, every {@value ReloadingFile#RELOAD_INTERVAL}, default
 * 5s). A passkey is printable ASCII without blanks and without {@code #}.
 *
 * <p>Passkeys are kept only as SHA-256 digests and a request's passkey is looked up by its digest,
 * so the time a lookup takes says nothing about how many characters of a guess are right, and no
 * passkey is kept in memory in clear.
 *
 * <p>{@code @Dependent}: each {@code passkey} hook entry gets its own instance with its own file.
 * Thread-safe.
 */
@Dependent
public class FilePasskeyResolver implements PasskeyResolver {
  /** The hook option naming the file. */
  public static final String PASSKEYS_FILE = "passkeys_file";

  private static final MessageDigest SHA256 = sha256();

  @Inject ReloadingFiles files;

  private ReloadingFile<Set<Digest>> file;

  @Override
  public Set<String> optionKeys() {
    return Set.of(PASSKEYS_FILE, ReloadingFile.RELOAD_INTERVAL);
  }

  @Override
  public void configure(Options options) {
    file =
        files.watch(
            ReloadingFile.open(
                "passkey file",
                options,
                PASSKEYS_FILE,
                FilePasskeyResolver::entry,
                digests -> digests));
  }

  @Override
  public boolean isValid(String passkey) {
    return file.current().contains(Digest.of(passkey.getBytes(StandardCharsets.ISO_8859_1)));
  }

  /** Returns the digest of one line's passkey; the message of a bad line never shows the line. */
  private static Digest entry(String passkey) {
    for (int i = 0; i < passkey.length(); i++) {
      char c = passkey.charAt(i);
      if (c <= ' ' || c > '~') {
        throw new IllegalArgumentException(
            "a passkey is printable ASCII without blanks (character " + (i + 1) + " is not)");
      }
    }
    return Digest.of(passkey.getBytes(StandardCharsets.US_ASCII));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The SHA-256 of a passkey, as four numbers: compared and hashed without an array. */
  private record Digest(long a, long b, long c, long d) {
    static Digest of(byte[] passkey) {
      MessageDigest sha256;
      try {
        sha256 = (MessageDigest) SHA256.clone(); // cheaper than a provider lookup per request
      } catch (CloneNotSupportedException e) {
        throw new IllegalStateException("the SHA-256 implementation cannot be cloned", e);
      }
      ByteBuffer hash = ByteBuffer.wrap(sha256.digest(passkey));
      return new Digest(hash.getLong(), hash.getLong(), hash.getLong(), hash.getLong());
    }
  }
}
