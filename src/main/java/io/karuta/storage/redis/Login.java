package io.karuta.storage.redis;

import io.karuta.config.ConfigDump;

/**
 * What a connection sends with AUTH: an ACL user and its password, a password alone (the {@code
 * default} user, as with {@code requirepass}), or nothing. {@link #toString()} never shows the
 * password.
 *
 * @param user the ACL user, or {@code null} for the {@code default} user
 * @param password the password, or {@code null} to send no AUTH; never {@code null} when a user is
 *     named
 */
public record Login(String user, String password) {
  /** No AUTH at all. */
  public static final Login NONE = new Login(null, null);

  /** Checks that a user comes with a password. */
  public Login {
    if (user != null && password == null) {
      throw new IllegalArgumentException("a user needs a password");
    }
  }

  /** Returns whether connections authenticate. */
  public boolean isPresent() {
    return password != null;
  }

  @Override
  public String toString() {
    String shownPassword = password == null ? "none" : ConfigDump.REDACTED;
    return "Login[user=" + (user == null ? "default" : user) + ", password=" + shownPassword + "]";
  }
}
