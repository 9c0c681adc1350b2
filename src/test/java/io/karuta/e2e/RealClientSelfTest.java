package io.karuta.e2e;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The real client's availability check; downloading against Karuta is the end-to-end tests' job.
 */
class RealClientSelfTest {
  @TempDir Path dir;

  @Test
  void availableMeansLibtorrentTwoImportsInDebiansPython() throws Exception {
    Optional<String> reason = RealClient.unavailableReason();
    if (reason.isPresent()) {
      assertTrue(reason.get().contains("apt-get install"), reason.get());
      return;
    }
    Path output = dir.resolve("version.txt");
    OptionalInt exit =
        RealClient.run(
            List.of(
                RealClient.PYTHON.toString(),
                "-c",
                "import libtorrent; print(libtorrent.__version__)"),
            output,
            Duration.ofSeconds(30));
    String version = Files.readString(output).strip();
    assertEquals(OptionalInt.of(0), exit, version);
    assertTrue(version.matches("2\\.\\d+(\\.\\d+)*"), version);
    assertTrue(Files.isRegularFile(RealClient.SCRIPT), RealClient.SCRIPT.toString());
  }

  @Test
  void aMissingClientSkipsButFailsInCi() {
    assertDoesNotThrow(() -> RealClient.requireAvailable(Optional.empty(), true));
    assertDoesNotThrow(() -> RealClient.requireAvailable(Optional.empty(), false));
    Optional<String> missing = Optional.of("python3-libtorrent is not installed");
    assertThrows(TestAbortedException.class, () -> RealClient.requireAvailable(missing, false));
    AssertionFailedError failure =
        assertThrows(AssertionFailedError.class, () -> RealClient.requireAvailable(missing, true));
    assertTrue(failure.getMessage().contains(missing.get()), failure.getMessage());
  }
}
