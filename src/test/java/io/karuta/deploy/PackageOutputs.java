package io.karuta.deploy;

import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What {@code mvn package} writes to {@code target/}, and the server versions the build tests on,
 * read from {@code pom.xml}: unit tests run before {@code package}, so they cannot look for the
 * files themselves, but they can check that a Dockerfile names the files the build makes.
 *
 * @param war the WAR, {@code target/<finalName>.war}
 * @param uberJar the Payara Micro uber-jar, the {@code --outputUberJar} argument of the build
 * @param payaraVersion {@code payara.version}
 * @param wildflyVersion {@code wildfly.version}
 * @param uberJarPort {@code karuta.port}, the HTTP port baked into the uber-jar
 */
record PackageOutputs(
    Path war, Path uberJar, String payaraVersion, String wildflyVersion, int uberJarPort) {
  /** Reads {@code pom.xml} in the working directory. */
  static PackageOutputs read() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document pom = factory.newDocumentBuilder().parse(Path.of("pom.xml").toFile());
    Element project = pom.getDocumentElement();
    String finalName = child(child(project, "build"), "finalName").getTextContent().strip();
    Element properties = child(project, "properties");
    List<String> arguments = texts(pom.getElementsByTagName("argument"));
    int uberJar = arguments.indexOf("--outputUberJar");
    if (uberJar < 0) {
      throw new AssertionError("pom.xml builds no uber-jar (no --outputUberJar argument)");
    }
    return new PackageOutputs(
        Path.of("target", finalName + ".war"),
        Path.of(
            arguments
                .get(uberJar + 1)
                .replace("${project.build.directory}", "target")
                .replace("${project.build.finalName}", finalName)),
        child(properties, "payara.version").getTextContent().strip(),
        child(properties, "wildfly.version").getTextContent().strip(),
        Integer.parseInt(child(properties, "karuta.port").getTextContent().strip()));
  }

  /**
   * Whether {@code path} (relative to the repository) is one of the files {@code package} makes.
   */
  boolean made(Path path) {
    return path.normalize().equals(war) || path.normalize().equals(uberJar);
  }

  private static Element child(Element parent, String name) {
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element element && element.getTagName().equals(name)) {
        return element;
      }
    }
    throw new AssertionError("pom.xml: no <" + name + "> in <" + parent.getTagName() + ">");
  }

  private static List<String> texts(NodeList nodes) {
    return java.util.stream.IntStream.range(0, nodes.getLength())
        .mapToObj(i -> nodes.item(i).getTextContent().strip())
        .toList();
  }
}
