package io.karuta.middleware;

import io.karuta.config.ConfigException;
import io.karuta.config.HookConfig;
import io.karuta.config.TrackerConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The configured pre- and post-hooks, in YAML list order, each a configured instance of the CDI
 * bean with that name. Built once at start-up; an unknown name or bad options stop the start with
 * an error naming the list entry. Immutable after construction, so safe for all request threads.
 */
@ApplicationScoped
public class HookChain {
  @Inject TrackerConfig config;
  @Inject @Any Instance<Hook> hooks;

  private List<NamedHook> preHooks = List.of();
  private List<NamedHook> postHooks = List.of();

  @PostConstruct
  void build() {
    preHooks = create(config.preHooks(), "karuta.prehooks");
    postHooks = create(config.postHooks(), "karuta.posthooks");
  }

  @PreDestroy
  void destroy() {
    for (List<NamedHook> list : List.of(preHooks, postHooks)) {
      for (NamedHook named : list) {
        hooks.destroy(named.hook());
      }
    }
  }

  List<NamedHook> preHooks() {
    return preHooks;
  }

  List<NamedHook> postHooks() {
    return postHooks;
  }

  /** Returns the names of the configured pre-hooks, in order. */
  public List<String> preHookNames() {
    return preHooks.stream().map(NamedHook::name).toList();
  }

  /** Returns the names of the configured post-hooks, in order. */
  public List<String> postHookNames() {
    return postHooks.stream().map(NamedHook::name).toList();
  }

  private List<NamedHook> create(List<HookConfig> entries, String listKey) {
    List<NamedHook> created = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      HookConfig entry = entries.get(i);
      String entryKey = listKey + "[" + i + "]";
      Instance<Hook> candidates = hooks.select(NamedLiteral.of(entry.name()));
      if (candidates.isUnsatisfied()) {
        throw new ConfigException(
            entryKey
                + ".name: no hook is named '"
                + entry.name()
                + "' (available: "
                + availableNames()
                + ")");
      }
      if (candidates.isAmbiguous()) {
        throw new ConfigException(
            entryKey + ".name: more than one hook bean is named '" + entry.name() + "'");
      }
      Hook hook = candidates.get();
      try {
        hook.configure(entry.options(), entryKey);
      } catch (ConfigException e) {
        // The hook's message names the option key; the operator also needs the hook's name.
        throw new ConfigException("hook '" + entry.name() + "': " + e.getMessage());
      } catch (RuntimeException e) {
        throw new ConfigException(
            entryKey + ": invalid options for hook '" + entry.name() + "': " + e.getMessage());
      }
      created.add(new NamedHook(entry.name(), hook));
    }
    return List.copyOf(created);
  }

  private String availableNames() {
    TreeSet<String> names = new TreeSet<>();
    for (Instance.Handle<Hook> handle : hooks.handles()) {
      String name = handle.getBean().getName();
      if (name != null) {
        names.add(name);
      }
    }
    return names.isEmpty() ? "none" : String.join(", ", names);
  }
}
