package io.karuta.frontend.http;

import io.karuta.middleware.RequestContext;

/**
 * What the HTTP frontend answers: a status and a bencoded body. Tracker failures are status 200
 * with a {@code failure reason}, because clients ignore the body of any other status (BEP 3
 * failures are bencoded bodies); only a path that is no tracker route gets 404.
 *
 * @param status the HTTP status
 * @param body the bencoded body
 * @param answered the request whose post-hooks and swarm update must run once the body is sent
 *     ({@link HttpFrontend#afterReply}), or {@code null} when there is none (failures, 404)
 */
public record HttpReply(int status, byte[] body, RequestContext<?, ?> answered) {

  /** A reply with no work after it. */
  public HttpReply(int status, byte[] body) {
    this(status, body, null);
  }
}
