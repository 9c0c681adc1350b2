package io.karuta.frontend.http;

/**
 * What the HTTP frontend answers: a status and a bencoded body. Tracker failures are status 200
 * with a {@code failure reason}, because clients ignore the body of any other status (protocols.md
 * H-01); only a path that is no tracker route gets 404.
 *
 * @param status the HTTP status
 * @param body the bencoded body
 */
public record HttpReply(int status, byte[] body) {}
