package io.karuta.config;

/**
 * Karuta's configuration cannot be used: the file cannot be loaded, a key is unknown, or a value
 * has the wrong type or is out of range. The tracker must not start.
 *
 * <p>The message names the full key ({@code karuta.http.max_numwant}), the value as written (never
 * for a secret key) and the allowed values, so an operator can fix the setting from the message
 * alone.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message a text that names the key and the allowed values, without any secret
   */
  public ConfigException(String message) {
    super(message);
  }
}
