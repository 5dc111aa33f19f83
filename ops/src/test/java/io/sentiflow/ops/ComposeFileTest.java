package io.sentiflow.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code docker-compose.yml} refers only to what the build makes: sentiflow subcommands and their
 * options, files in the repository, and ports the services really listen on. The file is read as
 * {@code docker-compose config} resolves it (anchors merged, paths absolute), as Compose itself
 * would run it.
 */
class ComposeFileTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static JsonNode services;
  private static JsonNode compose;

  @BeforeAll
  static void readCompose() throws Exception {
    compose = new ObjectMapper(new YAMLFactory()).readTree(dockerCompose("config"));
    services = compose.get("services");
  }

  @Test
  void dockerComposeAcceptsTheFile() throws Exception {
    dockerCompose("config", "-q");
  }

  /** Runs docker-compose on the root file; fails with its output unless it exits 0. */
  private static String dockerCompose(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("docker-compose", "-f", "docker-compose.yml"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(ROOT.toFile()).start();
    CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> readFully(process.getErrorStream()));
    String output = readFully(process.getInputStream());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(errors.join()).isZero();
    return output;
  }

  private static String readFully(InputStream stream) {
    try {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void everySentiflowServiceRunsAnExistingSubcommandWithExistingOptions() {
    Map<String, CommandLine> subcommands = Sentiflow.commandLine().getSubcommands();
    List<String> checked = new ArrayList<>();
    services.fields().forEachRemaining(service -> {
      JsonNode image = service.getValue().get("image");
      if (image == null || !image.asText().startsWith("sentiflow")) {
        return;
      }
      List<String> command = new ArrayList<>();
      service.getValue().get("command").forEach(part -> command.add(part.asText()));
      CommandLine sub = subcommands.get(command.get(0));
      assertThat(sub).as("service %s runs sentiflow %s", service.getKey(), command.get(0)).isNotNull();
      CommandSpec spec = sub.getCommandSpec();
      command.stream().filter(arg -> arg.startsWith("--"))
          .forEach(option -> assertThat(spec.findOption(option)).as("%s %s", command.get(0), option).isNotNull());
      checked.add(service.getKey());
    });
    assertThat(checked).contains("ingest", "learner", "scorer", "dashboard", "topics");
  }

  @Test
  void everyMountedFileExistsInTheRepositoryOrTheBuild() {
    List<String> mounts = new ArrayList<>();
    services.forEach(service -> {
      JsonNode volumes = service.get("volumes");
      if (volumes != null) {
        volumes.forEach(volume -> mounts.add(volume.asText().split(":")[0]));
      }
    });
    assertThat(mounts).isNotEmpty().allSatisfy(mount -> assertThat(ROOT.resolve(mount)).exists());
    assertThat(ROOT.resolve(services.get("topics").get("build").get("dockerfile").asText())).exists();
  }

  @Test
  void publishedPortsAreThePortsTheServicesListenOn() {
    assertThat(publishedPort("ingest")).isEqualTo(optionValue("ingest", "--port"));
    assertThat(publishedPort("dashboard")).isEqualTo(optionValue("dashboard", "--port"));
    String prometheus = read("ops/prometheus/prometheus.yml");
    for (String service : List.of("ingest", "learner", "scorer", "dashboard")) {
      assertThat(prometheus).contains(service);
      assertThat(prometheus).contains("port: " + optionValue(service, "--metrics-port"));
    }
  }

  private static String publishedPort(String service) {
    return services.get(service).get("ports").get(0).get("published").asText();
  }

  private static String optionValue(String service, String option) {
    List<String> command = new ArrayList<>();
    services.get(service).get("command").forEach(part -> command.add(part.asText()));
    return command.get(command.indexOf(option) + 1);
  }

  private static String read(String relative) {
    try {
      return Files.readString(ROOT.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
