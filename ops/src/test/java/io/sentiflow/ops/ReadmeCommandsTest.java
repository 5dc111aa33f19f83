package io.sentiflow.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code sentiflow} command line shown in a README's code block parses: its subcommand,
 * options and values exist as written. Nothing is run.
 */
class ReadmeCommandsTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void everyCommandShownInTheReadmesParses() throws IOException {
    List<String> commands = documentedCommands();
    assertThat(commands).as("sentiflow commands in the READMEs' code blocks").hasSizeGreaterThan(10);
    for (String command : commands) {
      String[] args = Arrays.stream(command.split("\\s+")).skip(1).toArray(String[]::new);
      assertThatCode(() -> Sentiflow.commandLine().parseArgs(args)).as(command).doesNotThrowAnyException();
    }
  }

  /** Lines of fenced code blocks that start the command, with any trailing shell comment removed. */
  private static List<String> documentedCommands() throws IOException {
    List<String> commands = new ArrayList<>();
    try (Stream<Path> readmes = Files.find(ROOT, 2, (path, attributes) -> path.endsWith("README.md"))) {
      for (Path readme : readmes.toList()) {
        boolean inCode = false;
        for (String line : Files.readAllLines(readme)) {
          if (line.startsWith("```")) {
            inCode = !inCode;
          } else if (inCode && (line.startsWith("sentiflow ") || line.startsWith("ops/bin/sentiflow "))) {
            commands.add(line.replaceFirst("\\s+#.*$", "").strip());
          }
        }
      }
    }
    return commands;
  }
}
