package io.karuta.middleware.approval;

import io.karuta.bittorrent.ClientError;
import io.karuta.bittorrent.Hex;
import io.karuta.bittorrent.InfoHash;
import io.karuta.config.ConfigException;
import io.karuta.config.Options;
import io.karuta.middleware.AnnounceContext;
import io.karuta.middleware.Hook;
import io.karuta.middleware.ReloadingFile;
import io.karuta.middleware.ReloadingFiles;
import io.karuta.middleware.ScrapeContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Chihaya's {@code torrent approval}: admits or refuses an announce by its info-hash, from a {@code
 * whitelist} or a {@code blacklist} of 40-digit hex info-hashes, and, beyond chihaya, from a {@code
 * file} of such hashes that is read again when it changes ({@link ReloadingFile}).
 *
 * <p>The file's hashes join the list of the kind in force: the inline list's kind, or {@code mode}
 * when the file is the only source. With a file, a whitelist approves exactly what is listed, so an
 * emptied file refuses every torrent; without one, an empty or absent list approves all, as in
 * chihaya. A scrape is never refused: each info-hash that is not approved counts zero ({@link
 * ScrapeContext#zeroCounts}), so a scrape cannot tell a refused torrent from an unknown one.
 *
 * <p>Thread-safe. A lookup is one volatile read and one probe of an immutable set, allocating
 * nothing; a reload builds a new set and swaps it in whole.
 */
@Dependent
@Named(TorrentApprovalHook.NAME)
public class TorrentApprovalHook implements Hook {
  /** The name operators write in the hook lists. */
  public static final String NAME = "torrent approval";

  /** The rejection of an announce whose torrent is not approved (chihaya's text). */
  public static final ClientError UNAPPROVED_TORRENT = new ClientError("unapproved torrent");

  static final String FILE = "file";
  static final String MODE = "mode";

  @Inject ReloadingFiles files;

  private Mode mode;
  private Set<InfoHash> fixed = Set.of();
  private ReloadingFile<Set<InfoHash>> file;

  @Override
  public void configure(Options options) {
    options.rejectUnknown(
        Set.of(
            Mode.WHITELIST.key(), Mode.BLACKLIST.key(), FILE, MODE, ReloadingFile.RELOAD_INTERVAL));
    ListOption<InfoHash> list = ListOption.read(options, TorrentApprovalHook::parseHash);
    fixed = list.entries();
    if (!options.isSet(FILE)) {
      for (String fileOnly : List.of(MODE, ReloadingFile.RELOAD_INTERVAL)) {
        if (options.isSet(fileOnly)) {
          throw new ConfigException(options.prefix() + fileOnly + ": only used with file");
        }
      }
      mode = list.mode();
      return;
    }
    mode = fileMode(options, list.mode());
    Set<InfoHash> inline = fixed;
    file =
        files.watch(
            ReloadingFile.open(
                NAME + " file",
                options,
                FILE,
                TorrentApprovalHook::parseHash,
                fromFile -> union(inline, fromFile)));
  }

  @Override
  public void handleAnnounce(AnnounceContext context) {
    if (!approves(context.request().infoHash())) {
      throw UNAPPROVED_TORRENT;
    }
  }

  @Override
  public void handleScrape(ScrapeContext context) {
    List<InfoHash> infoHashes = context.request().infoHashes();
    for (int i = 0; i < infoHashes.size(); i++) {
      if (!approves(infoHashes.get(i))) {
        context.zeroCounts(i);
      }
    }
  }

  private boolean approves(InfoHash infoHash) {
    if (mode == null) {
      return true;
    }
    Set<InfoHash> listed = file == null ? fixed : file.current();
    return mode.approves(listed.contains(infoHash));
  }

  /**
   * Parses 40 hex digits (either case) with chihaya's errors.
   *
   * @throws IllegalArgumentException {@code invalid hash <h>} for text that is not hex, {@code hash
   *     <h> is not 20 bytes} for hex of another length
   */
  static InfoHash parseHash(String text) {
    byte[] bytes;
    try {
      bytes = Hex.decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid hash " + text);
    }
    if (bytes.length != InfoHash.LENGTH) {
      throw new IllegalArgumentException("hash " + text + " is not 20 bytes");
    }
    return InfoHash.of(bytes);
  }

  /** Returns the kind of list the file is: {@code mode}, or else the inline list's kind. */
  private static Mode fileMode(Options options, Mode inlineMode) {
    String key = options.prefix() + MODE;
    String spelt = options.oneOf(MODE, null, Set.of(Mode.WHITELIST.key(), Mode.BLACKLIST.key()));
    if (spelt == null) {
      if (inlineMode == null) {
        throw new ConfigException(
            key
                + ": missing; with file and neither whitelist nor blacklist, say which the file"
                + " is (allowed: blacklist, whitelist)");
      }
      return inlineMode;
    }
    Mode mode = Mode.of(spelt);
    if (inlineMode != null && inlineMode != mode) {
      throw new ConfigException(
          key + ": '" + spelt + "' contradicts the " + inlineMode.key() + " given");
    }
    return mode;
  }

  private static Set<InfoHash> union(Set<InfoHash> inline, Set<InfoHash> fromFile) {
    if (inline.isEmpty()) {
      return fromFile;
    }
    Set<InfoHash> all = new HashSet<>(inline);
    all.addAll(fromFile);
    return Set.copyOf(all);
  }
}
