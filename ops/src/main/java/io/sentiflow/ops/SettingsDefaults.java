package io.sentiflow.ops;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where an option not given on the command line gets its value: the environment variable
 * {@code SENTIFLOW_<OPTION>} ({@code --bootstrap-servers} reads {@code SENTIFLOW_BOOTSTRAP_SERVERS}),
 * then the key {@code <option>} ({@code bootstrap-servers}) in the properties file named by
 * {@code SENTIFLOW_CONFIG} (default {@code sentiflow.properties} in the working directory, if
 * present), then the option's documented default.
 */
final class SettingsDefaults implements IDefaultValueProvider {

  private final Properties file = loadConfigFile();

  @Override
  public String defaultValue(ArgSpec argSpec) {
    if (!(argSpec instanceof OptionSpec option)) {
      return null;
    }
    String name = option.longestName().replaceFirst("^-+", "");
    String fromEnv = System.getenv("SENTIFLOW_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
    if (fromEnv != null) {
      return fromEnv;
    }
    String fromFile = file.getProperty(name);
    return fromFile != null ? fromFile : option.defaultValue();
  }

  private static Properties loadConfigFile() {
    String configured = System.getenv("SENTIFLOW_CONFIG");
    Path path = Path.of(configured != null ? configured : "sentiflow.properties");
    Properties props = new Properties();
    if (Files.isRegularFile(path)) {
      try (Reader reader = Files.newBufferedReader(path)) {
        props.load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read config file " + path, e);
      }
    } else if (configured != null) {
      throw new IllegalArgumentException("SENTIFLOW_CONFIG names " + path + ", which does not exist");
    }
    return props;
  }
}
