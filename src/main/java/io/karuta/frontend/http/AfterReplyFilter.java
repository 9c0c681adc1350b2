package io.karuta.frontend.http;

import io.karuta.metrics.TrackerMetrics;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Sends an answered tracker request's reply to the client, then runs its post-hooks and swarm
 * update on the same thread ({@link HttpFrontend#afterReply}).
 *
 * <p>A servlet filter, because only around the JAX-RS runtime is the reply complete in the response
 * buffer: flushing from inside the resource or a {@code StreamingOutput} does not send it (the
 * runtime buffers the entity), so the client would wait for the post-reply work. Tracker replies
 * are small, so after the resource returns the whole reply, with its {@code Content-Length}, sits
 * in the buffer and {@code flushBuffer} puts it on the wire.
 */
@WebFilter(urlPatterns = "/*")
public class AfterReplyFilter extends HttpFilter {
  private static final String PENDING = AfterReplyFilter.class.getName() + ".pending";

  @Inject HttpFrontend frontend;
  @Inject TrackerMetrics metrics;

  /** Asks the filter to run the post-reply work of {@code reply} once it is sent. */
  static void runAfterReply(ServletRequest request, HttpReply reply) {
    request.setAttribute(PENDING, reply);
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    metrics.httpRequestStarted();
    try {
      chain.doFilter(request, response);
    } finally {
      try {
        runPending(request, response);
      } finally {
        metrics.httpRequestEnded();
      }
    }
  }

  /** Sends the pending reply, then runs its post-reply work; even if writing failed. */
  private void runPending(HttpServletRequest request, HttpServletResponse response) {
    // The announce was answered and counts, whatever happened while writing it.
    if (request.getAttribute(PENDING) instanceof HttpReply reply) {
      try {
        response.flushBuffer();
      } catch (IOException e) {
        // The client left; its announce still counts.
      } finally {
        frontend.afterReply(reply);
      }
    }
  }
}
