package io.karuta.middleware;

import java.util.Arrays;
import java.util.Optional;

/**
 * What travels with one request from the pre-hooks through the reply to the post-hooks: the
 * request, the response built so far, the typed switches for the built-in hooks (chihaya's skip
 * keys) and data hooks pass along.
 *
 * <p>Not thread-safe. A context belongs to the thread that answers its request, which runs the
 * pre-hooks, writes the reply and then runs the post-hooks.
 */
public abstract sealed class RequestContext<Q, R> permits AnnounceContext, ScrapeContext {
  private final Q request;
  private R response;
  private boolean responseHookSkipped;
  private boolean swarmInteractionSkipped;
  private Object[] attributes;
  private int attributeCount;

  RequestContext(Q request, R initialResponse) {
    this.request = request;
    this.response = initialResponse;
  }

  /** Returns the sanitised request. */
  public Q request() {
    return request;
  }

  /** Returns the response as the hooks so far left it. */
  public R response() {
    return response;
  }

  /** Replaces the response. */
  public void setResponse(R newResponse) {
    if (newResponse == null) {
      throw new IllegalArgumentException("response cannot be null");
    }
    response = newResponse;
  }

  /** Keeps the built-in response hook from filling counts and peers for this request. */
  public void skipResponseHook() {
    responseHookSkipped = true;
  }

  /** Returns whether {@link #skipResponseHook()} was called. */
  public boolean responseHookSkipped() {
    return responseHookSkipped;
  }

  /** Keeps the built-in swarm update from storing this announce. */
  public void skipSwarmInteraction() {
    swarmInteractionSkipped = true;
  }

  /** Returns whether {@link #skipSwarmInteraction()} was called. */
  public boolean swarmInteractionSkipped() {
    return swarmInteractionSkipped;
  }

  /** Stores {@code value} under {@code key}, replacing an earlier value. */
  public <T> void put(ContextKey<T> key, T value) {
    if (value == null) {
      throw new IllegalArgumentException("context values cannot be null");
    }
    for (int i = 0; i < attributeCount; i++) {
      if (attributes[2 * i] == key) {
        attributes[2 * i + 1] = value;
        return;
      }
    }
    if (attributes == null) {
      attributes = new Object[4];
    } else if (2 * attributeCount == attributes.length) {
      attributes = Arrays.copyOf(attributes, attributes.length * 2);
    }
    attributes[2 * attributeCount] = key;
    attributes[2 * attributeCount + 1] = value;
    attributeCount++;
  }

  /** Returns the value stored under {@code key}, if any. */
  public <T> Optional<T> get(ContextKey<T> key) {
    for (int i = 0; i < attributeCount; i++) {
      if (attributes[2 * i] == key) {
        return Optional.of(key.cast(attributes[2 * i + 1]));
      }
    }
    return Optional.empty();
  }
}
