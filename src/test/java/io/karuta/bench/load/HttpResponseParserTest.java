package io.karuta.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.bench.load.HttpResponseParser.Progress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HttpResponseParserTest {
  private static final String BODY = "d8:intervali1800e5:peers0:e";
  private static final String LENGTH_REPLY =
      "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 27\r\n\r\n" + BODY;
  private static final String CHUNKED_REPLY =
      "HTTP/1.1 200 OK\r\ntransfer-encoding: Chunked\r\n\r\n"
          + "a;ext=1\r\nd8:interva\r\n11\r\nli1800e5:peers0:e\r\n0\r\nX-Trailer: 1\r\n\r\n";

  private final HttpResponseParser parser = new HttpResponseParser();

  private static ByteBuffer bytes(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Feeds {@code text} in pieces of {@code piece} bytes; returns the last progress. */
  private Progress feedInPieces(String text, int piece) {
    byte[] all = text.getBytes(StandardCharsets.ISO_8859_1);
    Progress progress = Progress.NEED_MORE;
    for (int at = 0; at < all.length; at += piece) {
      assertEquals(Progress.NEED_MORE, progress, "complete before the last piece");
      ByteBuffer in = ByteBuffer.allocateDirect(piece);
      in.put(all, at, Math.min(piece, all.length - at)).flip();
      progress = parser.feed(in);
    }
    return progress;
  }

  private String body() {
    return new String(
        Arrays.copyOf(parser.body(), parser.bodyLength()), StandardCharsets.ISO_8859_1);
  }

  @Test
  void contentLengthInAnySplit() {
    for (int piece = 1; piece <= LENGTH_REPLY.length(); piece++) {
      parser.reset();
      assertEquals(Progress.COMPLETE, feedInPieces(LENGTH_REPLY, piece), "piece " + piece);
      assertEquals(200, parser.status());
      assertEquals(BODY, body());
      assertTrue(parser.keepAlive(), "HTTP/1.1 keeps the connection by default");
    }
  }

  @Test
  void chunkedBodySplitAcrossReads() {
    for (int piece = 1; piece <= CHUNKED_REPLY.length(); piece++) {
      parser.reset();
      assertEquals(Progress.COMPLETE, feedInPieces(CHUNKED_REPLY, piece), "piece " + piece);
      assertEquals(BODY, body());
    }
  }

  @Test
  void bytesAfterTheResponseStayInTheBuffer() {
    ByteBuffer in = bytes(LENGTH_REPLY + "HTTP/1.1");
    assertEquals(Progress.COMPLETE, parser.feed(in));
    assertEquals(8, in.remaining());
  }

  @Test
  void connectionHeaders() {
    parser.feed(bytes("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"));
    assertFalse(parser.keepAlive());
    parser.reset();
    parser.feed(bytes("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n"));
    assertFalse(parser.keepAlive(), "HTTP/1.0 closes by default");
    parser.reset();
    assertEquals(
        Progress.COMPLETE,
        parser.feed(
            bytes("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n")));
    assertTrue(parser.keepAlive());
  }

  @Test
  void bodyUntilCloseEndsWithTheConnection() {
    assertEquals(Progress.NEED_MORE, parser.feed(bytes("HTTP/1.1 200 OK\r\n\r\n" + BODY)));
    assertEquals(Progress.COMPLETE, parser.endOfInput());
    assertEquals(BODY, body());
    assertFalse(parser.keepAlive());
  }

  @Test
  void truncatedOrMissingReplies() {
    assertEquals(Progress.FAILED, parser.endOfInput());
    assertEquals(Verdict.CONNECTION_CLOSED, parser.failure());
    assertFalse(parser.receivedAny());
    parser.reset();
    parser.feed(bytes(LENGTH_REPLY.substring(0, LENGTH_REPLY.length() - 1)));
    assertEquals(Progress.FAILED, parser.endOfInput());
    assertEquals(Verdict.TRUNCATED, parser.failure());
    parser.reset();
    parser.feed(bytes(CHUNKED_REPLY.substring(0, CHUNKED_REPLY.length() - 2)));
    assertEquals(Progress.FAILED, parser.endOfInput(), "the trailer's end is missing");
  }

  @Test
  void interimResponsesAreSkipped() {
    assertEquals(
        Progress.COMPLETE, parser.feed(bytes("HTTP/1.1 100 Continue\r\n\r\n" + LENGTH_REPLY)));
    assertEquals(200, parser.status());
    assertEquals(BODY, body());
  }

  @Test
  void statusWithoutBody() {
    assertEquals(
        Progress.COMPLETE,
        parser.feed(bytes("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")));
    assertEquals(404, parser.status());
    assertEquals(0, parser.bodyLength());
  }

  @Test
  void malformedResponses() {
    for (String bad :
        new String[] {
          "HTTP/2 200 OK\r\n\r\n",
          "HTTP/1.1 2x0 OK\r\n\r\n",
          "ICY 200 OK\r\n\r\n",
          "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
          "HTTP/1.1 200 OK\r\nA: 1\r\n folded\r\n\r\n",
          "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
          "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
          "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n",
          "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
          "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n",
          "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\nab\r\n",
          "HTTP/1.1 200 OK\r\n" + "X: " + "y".repeat(HttpResponseParser.MAX_HEAD) + "\r\n\r\n",
        }) {
      parser.reset();
      assertEquals(Progress.FAILED, parser.feed(bytes(bad)), bad);
      assertEquals(Verdict.MALFORMED_HTTP, parser.failure(), bad);
    }
  }

  @Test
  void bodyIsCapped() {
    String big =
        "HTTP/1.1 200 OK\r\nContent-Length: " + (HttpResponseParser.MAX_BODY + 1) + "\r\n\r\n";
    assertEquals(Progress.NEED_MORE, parser.feed(bytes(big)));
    ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
    Progress progress = Progress.NEED_MORE;
    for (int i = 0; i < 17 && progress == Progress.NEED_MORE; i++) {
      chunk.clear();
      progress = parser.feed(chunk);
    }
    assertEquals(Progress.FAILED, progress);
  }
}
