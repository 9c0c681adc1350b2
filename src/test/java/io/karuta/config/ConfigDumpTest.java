package io.karuta.config;

import static io.karuta.config.Asserts.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigDumpTest {

  @Test
  void rendersEveryResolvedKeyWithSecretsRedacted() {
    Map<String, String> values =
        Map.of(
            "karuta.udp.private_key", "hunter1",
            "karuta.storage.config.redis_password", "hunter2",
            "karuta.storage.config.redis_broker", "redis://user:hunter3@127.0.0.1:6379/0",
            "karuta.prehooks[0].name", "jwt",
            "karuta.prehooks[0].options.jwt", "hunter4",
            "karuta.prehooks[0].options.api_token", "hunter5",
            "karuta.prehooks[0].options.client_secret", "hunter6",
            "karuta.http.real_ip_header", "",
            "other.password", "not karuta");

    String dump = ConfigDump.render(ConfigLookup.of(values));

    assertFalse(dump.contains("hunter"), dump);
    assertFalse(dump.contains("other.password"), dump);
    assertContains(
        dump + "\n",
        "Karuta configuration:\n",
        "\n  karuta.udp.private_key = REDACTED\n",
        "\n  karuta.storage.config.redis_password = REDACTED\n",
        "\n  karuta.storage.config.redis_broker = redis://REDACTED@127.0.0.1:6379/0\n",
        "\n  karuta.prehooks[0].options.jwt = REDACTED\n",
        "\n  karuta.prehooks[0].options.api_token = REDACTED\n",
        "\n  karuta.http.real_ip_header = \"\"\n",
        "\n  karuta.prehooks[0].name = jwt\n");
  }

  @Test
  void listsDefaultsAndHooksGivenOnlyByIndex() {
    ConfigLookup lookup =
        new ConfigLookup() {
          @Override
          public String raw(String key) {
            return key.equals("karuta.posthooks[0].name")
                ? "audit"
                : Defaults.properties().get(key);
          }

          @Override
          public Iterable<String> names() {
            return java.util.List.of();
          }
        };

    String dump = ConfigDump.render(lookup);

    assertContains(dump, "  karuta.posthooks[0].name = audit", "  karuta.storage.name = memory");
    assertEquals(Defaults.properties().size() + 2, dump.lines().count(), dump);
  }

  @ParameterizedTest
  @CsvSource({
    "karuta.udp.private_key, true",
    "karuta.storage.config.redis_password, true",
    "karuta.prehooks[0].options.jwt, true",
    "karuta.prehooks[0].options.Bearer_Token, true",
    "karuta.prehooks[0].options.client_secret, true",
    "karuta.prehooks[0].options.jwt_issuer, false",
    "karuta.prehooks[0].options.jwk_set_url, false",
    "karuta.udp.addr, false",
    "karuta.private_key.name, false",
  })
  void recognisesSecretKeysByTheirLastSegment(String key, boolean secret) {
    assertEquals(secret, ConfigDump.isSecret(key));
  }

  @ParameterizedTest
  @CsvSource({
    "redis://127.0.0.1:6379/0, redis://127.0.0.1:6379/0",
    "redis://pw@127.0.0.1:6379/0, redis://REDACTED@127.0.0.1:6379/0",
    "redis://:p/w@h@127.0.0.1, redis://REDACTED@127.0.0.1",
    "user@example.com, user@example.com",
  })
  void redactsUrlUserInformation(String value, String shown) {
    assertEquals(shown, ConfigDump.redact("karuta.storage.config.redis_broker", value));
  }
}
