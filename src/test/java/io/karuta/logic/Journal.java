package io.karuta.logic;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the test hooks saw, in order. */
@ApplicationScoped
public class Journal {
  private final List<String> entries = new CopyOnWriteArrayList<>();

  void add(String entry) {
    entries.add(entry);
  }

  List<String> entries() {
    return List.copyOf(entries);
  }
}
