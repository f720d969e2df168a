package dev.mlat.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code mlat --version}: the project version (filtered into a resource at build time) and the Java runtime. */
public final class VersionProvider implements IVersionProvider {

  /** The project version, for example {@code 0.1.0-SNAPSHOT}. */
  public static String version() {
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("version.properties is missing from the mlat-cli build");
      }
      var properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {
        "mlat " + version(),
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
            + System.getProperty("java.home") + ")"};
  }
}
