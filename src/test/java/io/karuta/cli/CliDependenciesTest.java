package io.karuta.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * What karuta-cli's classes may use, checked on the compiled classes: target/karuta-cli.jar holds
 * io.karuta.cli, io.karuta.bittorrent, picocli and jackson-core, and runs on a plain JDK.
 */
@AnalyzeClasses(packages = "io.karuta", importOptions = ImportOption.DoNotIncludeTests.class)
class CliDependenciesTest {
  /** Nothing the CLI reaches, through any number of Karuta classes, is Jakarta or MicroProfile. */
  @ArchTest
  static final ArchRule NO_JAKARTA_ANYWHERE_BELOW_THE_CLI =
      noClasses()
          .that()
          .resideInAPackage("io.karuta.cli..")
          .should()
          .transitivelyDependOnClassesThat()
          .resideInAnyPackage("jakarta..", "javax.enterprise..", "org.eclipse.microprofile..");

  /** Every class the CLI uses is in its jar (src/assembly/cli.xml) or in the JDK. */
  @ArchTest
  static final ArchRule ONLY_WHAT_THE_JAR_HOLDS =
      classes()
          .that()
          .resideInAnyPackage("io.karuta.cli..", "io.karuta.bittorrent..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "io.karuta.cli..",
              "io.karuta.bittorrent..",
              "picocli..",
              "tools.jackson..",
              "java..",
              "javax.crypto..",
              "javax.net..");

  /** The tracker (the WAR) never needs the CLI or its libraries, which it does not carry. */
  @ArchTest
  static final ArchRule THE_TRACKER_STAYS_OFF_THE_CLI =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.karuta.cli..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.karuta.cli..", "picocli..", "tools.jackson..");
}
