package io.sentiflow.ops;

import io.sentiflow.ops.bench.BenchCommand;
import io.sentiflow.ops.bench.EvaluateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sentiflow} command: one entry point for the embedded demo, every service and the benchmarks. */
@Command(
    name = "sentiflow",
    mixinStandardHelpOptions = true,
    versionProvider = Sentiflow.Version.class,
    description = "Real-time sentiment scoring that keeps learning from the stream it serves.%n"
        + "Settings come from flags, then SENTIFLOW_* environment variables, then the properties file named by "
        + "SENTIFLOW_CONFIG (default: sentiflow.properties, if present).",
    subcommands = {DemoCommand.class, IngestCommand.class, ReplayCommand.class, FeaturesCommand.class,
        LearnerCommand.class, ScorerCommand.class, DashboardCommand.class, TopicsCommand.class, BenchCommand.class,
        EvaluateCommand.class, CommandLine.HelpCommand.class})
public final class Sentiflow {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with Sentiflow's default-value lookup (environment, then config file). */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Sentiflow());
    cli.setDefaultValueProvider(new SettingsDefaults());
    return cli;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Sentiflow.class.getPackage().getImplementationVersion();
      return new String[] {"sentiflow " + (version == null ? "development build" : version)};
    }
  }
}
