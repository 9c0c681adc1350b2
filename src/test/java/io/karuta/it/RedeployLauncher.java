package io.karuta.it;

import fish.payara.micro.PayaraMicroRuntime;
import fish.payara.micro.boot.PayaraMicroLauncher;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Runs Payara Micro with the given options in this JVM and redeploys the WAR in it on command, so a
 * test can check that an undeploy releases the UDP port and a redeploy binds it again. Reads
 * commands from standard input ({@code redeploy}); answers on standard output; stops at end of
 * input.
 */
public final class RedeployLauncher {
  private RedeployLauncher() {}

  /**
   * Boots Payara Micro with {@code args} (which must deploy the WAR named by the system property
   * {@code redeploy.war} as {@code karuta}).
   */
  public static void main(String[] args) throws Exception {
    PayaraMicroRuntime runtime = PayaraMicroLauncher.create(args).getRuntime();
    File war = new File(System.getProperty("redeploy.war"));
    System.out.println("KARUTA READY");
    BufferedReader commands =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = commands.readLine(); line != null; line = commands.readLine()) {
      if (line.equals("redeploy")) {
        runtime.undeploy("karuta");
        System.out.println("KARUTA UNDEPLOYED");
        boolean deployed = runtime.deploy("karuta", "/", war);
        System.out.println(deployed ? "KARUTA REDEPLOYED" : "KARUTA REDEPLOY FAILED");
      }
    }
    runtime.shutdown();
    System.exit(0);
  }
}
