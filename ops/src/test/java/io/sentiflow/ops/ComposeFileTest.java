package io.sentiflow.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

  /** The secrets compose demands of whoever starts it; any values do for reading the file. */
  private static final Map<String, String> SECRETS =
      Map.of("SENTIFLOW_TOKEN", "test-token", "SENTIFLOW_PSEUDONYM_KEY", "test-key");

  @BeforeAll
  static void readCompose() throws Exception {
    compose = yaml(dockerCompose(SECRETS, List.of("docker-compose.yml"), "config").output());
    services = compose.get("services");
  }

  @Test
  void dockerComposeAcceptsTheFile() throws Exception {
    assertThat(dockerCompose(SECRETS, List.of("docker-compose.yml"), "config", "-q").exitCode()).isZero();
  }

  @Test
  void composeRefusesToStartIngestWithoutItsSecrets() throws Exception {
    Result result = dockerCompose(Map.of(), List.of("docker-compose.yml"), "config", "-q");
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.errors()).contains("SENTIFLOW_TOKEN");
  }

  @Test
  void theGpuOverrideReservesAGpuForTheOneLearner() throws Exception {
    JsonNode merged = yaml(dockerCompose(SECRETS, List.of("docker-compose.yml", "docker-compose.gpu.yml"), "config")
        .output()).get("services");
    List<String> learners = new ArrayList<>();
    merged.fields().forEachRemaining(service -> {
      if (service.getValue().path("command").path(0).asText().equals("learner")) {
        learners.add(service.getKey());
      }
    });
    assertThat(learners).containsExactly("learner");
    JsonNode device = merged.get("learner").at("/deploy/resources/reservations/devices/0");
    assertThat(device.get("driver").asText()).isEqualTo("nvidia");
    assertThat(device.get("capabilities").toString()).contains("gpu");
    assertThat(services.get("learner").at("/deploy/resources/reservations").isMissingNode()).isTrue();
  }

  private record Result(int exitCode, String output, String errors) {}

  /** Runs docker-compose on {@code files} with {@code environment} added; its output once it exits. */
  private static Result dockerCompose(Map<String, String> environment, List<String> files, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("docker-compose"));
    files.forEach(file -> command.addAll(List.of("-f", file)));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
    builder.environment().keySet().removeAll(SECRETS.keySet());
    builder.environment().putAll(environment);
    Process process = builder.start();
    CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> readFully(process.getErrorStream()));
    String output = readFully(process.getInputStream());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output, errors.join());
  }

  /** The YAML docker-compose printed, failing with its errors if it printed none. */
  private static JsonNode yaml(String text) throws IOException {
    assertThat(text).as("docker-compose config output").isNotBlank();
    return new ObjectMapper(new YAMLFactory()).readTree(text);
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
    JsonNode sentiflowJob = null;
    for (JsonNode job : readYaml("ops/prometheus/prometheus.yml").get("scrape_configs")) {
      if (job.get("job_name").asText().equals("sentiflow")) {
        sentiflowJob = job.get("dns_sd_configs").get(0);
      }
    }
    assertThat(sentiflowJob).as("the sentiflow scrape job").isNotNull();
    for (String service : List.of("ingest", "learner", "scorer", "dashboard")) {
      assertThat(sentiflowJob.get("names").toString()).contains("\"" + service + "\"");
      assertThat(sentiflowJob.get("port").asText()).isEqualTo(optionValue(service, "--metrics-port"));
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

  private static JsonNode readYaml(String relative) {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve(relative).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
