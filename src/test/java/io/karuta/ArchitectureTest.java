package io.karuta;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of {@code docs/architecture.md}, checked on the compiled classes of the WAR: a
 * change that breaks it fails the build, and the document and this test change together.
 */
@AnalyzeClasses(packages = "io.karuta", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** The JDK, as every rule allows it. */
  private static final String JAVA = "java..";

  /**
   * The domain records, the query parser and bencode: plain Java, so the CLI, the load generator
   * and any tool can reuse them outside an application server.
   */
  @ArchTest
  static final ArchRule theDomainIsPlainJava =
      classes()
          .that()
          .resideInAPackage("io.karuta.bittorrent..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(JAVA, "io.karuta.bittorrent..");

  /** The BEP 15 codec and connection IDs: plain Java on the domain, for the same reason. */
  @ArchTest
  static final ArchRule theUdpCodecIsPlainJava =
      classes()
          .that()
          .haveFullyQualifiedName("io.karuta.frontend.udp.UdpCodec")
          .or()
          .haveFullyQualifiedName("io.karuta.frontend.udp.UdpProtocol")
          .or()
          .haveFullyQualifiedName("io.karuta.frontend.udp.UrlData")
          .or()
          .haveFullyQualifiedName("io.karuta.frontend.udp.ConnectionIds")
          .or()
          .haveFullyQualifiedName("io.karuta.frontend.udp.ConnectionIdCheck")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              JAVA, "javax.crypto..", "io.karuta.bittorrent..", "io.karuta.frontend.udp");

  /** Frontends reach the swarms only through the tracker logic and its hooks. */
  @ArchTest
  static final ArchRule frontendsNeverTouchTheStore =
      noClasses()
          .that()
          .resideInAPackage("io.karuta.frontend..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.karuta.storage..");

  /** A store knows swarms, never who asks for them. */
  @ArchTest
  static final ArchRule storesNeverKnowTheirCallers =
      noClasses()
          .that()
          .resideInAPackage("io.karuta.storage..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.karuta.frontend..",
              "io.karuta.logic..",
              "io.karuta.middleware..",
              "io.karuta.stats..",
              "io.karuta.health..",
              "io.karuta.startup..");

  /** The store contract names no store: stores are found by name ({@code PeerStoreFactory}). */
  @ArchTest
  static final ArchRule theContractNamesNoStore =
      noClasses()
          .that()
          .resideInAPackage("io.karuta.storage")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.karuta.storage.memory..", "io.karuta.storage.redis..");

  /**
   * WildFly has no MicroProfile Metrics: one package, left out of bean discovery where the API is
   * missing, may import it.
   */
  @ArchTest
  static final ArchRule onlyTheBridgeImportsMicroProfileMetrics =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.karuta.metrics.mp..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.eclipse.microprofile.metrics..");

  /** Likewise for MicroProfile Health, missing from WildFly's plain profiles. */
  @ArchTest
  static final ArchRule onlyTheHealthChecksImportMicroProfileHealth =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.karuta.health..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.eclipse.microprofile.health..");

  /** Nothing depends on the start itself, but the health check that reports it. */
  @ArchTest
  static final ArchRule theStartIsTheTop =
      noClasses()
          .that()
          .resideOutsideOfPackages(
              "io.karuta.startup..", "io.karuta.health..", "io.karuta.metrics.mp..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.karuta.startup..");

  /** No package cycles: every package can be understood from the ones below it. */
  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("io.karuta.(**)").should().beFreeOfCycles();
}
