package io.karuta.middleware;

/**
 * A typed key for data a hook leaves in a {@link RequestContext} for later hooks of the same
 * request. Keys compare by identity: declare each one once, as a constant.
 *
 * @param <T> the type of the value
 */
public final class ContextKey<T> {
  private final String name;
  private final Class<T> type;

  private ContextKey(String name, Class<T> type) {
    this.name = name;
    this.type = type;
  }

  /** Creates a key; {@code name} only appears in {@link #toString()}. */
  public static <T> ContextKey<T> of(String name, Class<T> type) {
    return new ContextKey<>(name, type);
  }

  T cast(Object value) {
    return type.cast(value);
  }

  @Override
  public String toString() {
    return "ContextKey[" + name + ": " + type.getSimpleName() + "]";
  }
}
