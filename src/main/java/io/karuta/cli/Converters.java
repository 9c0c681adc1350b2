package io.karuta.cli;

import io.karuta.bittorrent.ClientError;
import io.karuta.bittorrent.Event;
import io.karuta.bittorrent.Hex;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.PeerId;
import io.karuta.cli.client.Trackers;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters for the option types; a bad value is a usage error (exit code 2). */
final class Converters {
  private Converters() {}

  /** A tracker URL: {@code http://}, {@code https://} or {@code udp://} with a host. */
  static final class TrackerUrl implements ITypeConverter<URI> {
    @Override
    public URI convert(String value) {
      URI url;
      try {
        url = new URI(value);
      } catch (URISyntaxException e) {
        throw new TypeConversionException("not a URL: " + value);
      }
      Trackers.problem(url)
          .ifPresent(
              problem -> {
                throw new TypeConversionException(problem + ": " + value);
              });
      return url;
    }
  }

  /** 40 hexadecimal digits. */
  static final class InfoHashHex implements ITypeConverter<InfoHash> {
    @Override
    public InfoHash convert(String value) {
      try {
        return InfoHash.fromHex(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("an info-hash is 40 hex digits: " + value);
      }
    }
  }

  /** 20 characters of text (one byte each), or 40 hexadecimal digits. */
  static final class PeerIdText implements ITypeConverter<PeerId> {
    @Override
    public PeerId convert(String value) {
      if (value.length() == 2 * PeerId.LENGTH) {
        try {
          return PeerId.of(Hex.decode(value));
        } catch (IllegalArgumentException e) {
          throw new TypeConversionException("a 40-character peer ID must be hex: " + value);
        }
      }
      byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
      if (bytes.length != PeerId.LENGTH || !value.chars().allMatch(c -> c < 0x100)) {
        throw new TypeConversionException("a peer ID is 20 characters or 40 hex digits: " + value);
      }
      return PeerId.of(bytes);
    }
  }

  /** {@code started}, {@code stopped}, {@code completed} or {@code none}. */
  static final class EventName implements ITypeConverter<Event> {
    @Override
    public Event convert(String value) {
      try {
        return Event.parse(value);
      } catch (ClientError e) {
        throw new TypeConversionException(
            "the event is started, stopped, completed or none: " + value);
      }
    }
  }

  /** A duration: a whole number with {@code ms}, {@code s} or {@code m}, such as {@code 500ms}. */
  static final class WholeDuration implements ITypeConverter<Duration> {
    private static final Pattern FORM = Pattern.compile("(\\d{1,9})(ms|s|m)");

    @Override
    public Duration convert(String value) {
      Matcher m = FORM.matcher(value);
      if (!m.matches()) {
        throw new TypeConversionException(
            "a duration is a whole number and ms, s or m, such as 500ms or 2s: " + value);
      }
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        default -> Duration.ofMinutes(n);
      };
    }
  }
}
