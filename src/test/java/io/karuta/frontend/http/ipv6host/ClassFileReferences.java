package io.karuta.frontend.http.ipv6host;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists the classes a class file names (JVMS §4.4): its class constants and every class in its
 * descriptors and signatures, as internal names such as {@code java/lang/String}. Tests use it to
 * check that a class defined inside a server's class loader links nothing but what that loader
 * sees.
 */
public final class ClassFileReferences {
  private static final Pattern IN_DESCRIPTOR = Pattern.compile("L([\\w/$]+)[;<]");

  private ClassFileReferences() {}

  /** Returns the internal names of the classes {@code classFile} refers to. */
  public static Set<String> of(byte[] classFile) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort(); // minor version
    in.readUnsignedShort(); // major version
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    int[] classNameIndex = new int[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 7 -> classNameIndex[i] = in.readUnsignedShort();
        case 8, 16, 19, 20 -> in.readUnsignedShort();
        case 15 -> in.skipBytes(3);
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
        case 5, 6 -> {
          in.skipBytes(8);
          i++; // takes two entries
        }
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    Set<String> names = new TreeSet<>();
    for (int i = 1; i < count; i++) {
      if (classNameIndex[i] != 0) {
        String name = utf8[classNameIndex[i]];
        if (!name.startsWith("[")) {
          names.add(name);
        }
      } else if (utf8[i] != null) {
        Matcher descriptor = IN_DESCRIPTOR.matcher(utf8[i]);
        while (descriptor.find()) {
          names.add(descriptor.group(1));
        }
      }
    }
    return names;
  }
}
