package io.karuta.middleware.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.config.ConfigException;
import io.karuta.middleware.ReloadingFiles;
import io.karuta.testing.HookOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file-backed passkey resolver: its format, errors that never show a passkey, and reloads. */
class FilePasskeyResolverTest {
  @TempDir Path dir;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private FilePasskeyResolver resolver;

  @AfterEach
  void stop() {
    if (resolver != null) {
      resolver.files.close();
    }
    scheduler.shutdownNow();
  }

  private Path write(String content) throws IOException {
    Path temporary = dir.resolve("passkeys.tmp");
    Path file = dir.resolve("passkeys.txt");
    Files.writeString(temporary, content);
    return Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
  }

  private FilePasskeyResolver resolver(String... options) {
    FilePasskeyResolver created = new FilePasskeyResolver();
    created.files = ReloadingFiles.on(scheduler);
    created.configure(HookOptions.of(options));
    resolver = created;
    return created;
  }

  @Test
  void acceptsExactlyTheListedPasskeys() throws IOException {
    Path file = write("# alice\ns3cret\n\n  0123456789abcdef  # bob\n");

    FilePasskeyResolver passkeys = resolver("passkeys_file", file.toString());

    assertTrue(passkeys.isValid("s3cret"));
    assertTrue(passkeys.isValid("0123456789abcdef"));
    assertFalse(passkeys.isValid("s3cre"));
    assertFalse(passkeys.isValid("s3crett"));
    assertFalse(passkeys.isValid("S3CRET"));
    assertFalse(passkeys.isValid("s3cret "));
    assertFalse(passkeys.isValid("alice"));
  }

  @Test
  void aBadLineStopsTheStartWithoutShowingThePasskey() throws IOException {
    Path file = write("s3cret\ntop secret\n");

    ConfigException e =
        assertThrows(ConfigException.class, () -> resolver("passkeys_file", file.toString()));

    assertEquals(
        "karuta.prehooks[0].options.passkeys_file: "
            + file
            + " line 2: a passkey is printable ASCII without blanks (character 4 is not)",
        e.getMessage());
    assertFalse(e.getMessage().contains("top"));
  }

  @Test
  void theFileIsRequired() {
    assertEquals(
        "karuta.prehooks[0].options.passkeys_file: missing; the path of the file",
        assertThrows(ConfigException.class, this::resolver).getMessage());
    Path missing = dir.resolve("nope.txt");
    assertEquals(
        "karuta.prehooks[0].options.passkeys_file: cannot read " + missing + " (no such file)",
        assertThrows(ConfigException.class, () -> resolver("passkeys_file", missing.toString()))
            .getMessage());
  }

  @Test
  void aChangedFileIsPickedUpWithoutRestart() throws Exception {
    Path file = write("alice1\n");
    FilePasskeyResolver passkeys =
        resolver("passkeys_file", file.toString(), "reload_interval", "1s");

    write("bob2\n");

    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!passkeys.isValid("bob2") && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(passkeys.isValid("bob2"));
    assertFalse(passkeys.isValid("alice1"), "a removed passkey stops working");
  }
}
