package io.sentiflow.ops.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fastText command-line tool (Debian package {@code fasttext}) as a reference learner: its
 * training input format, its run, and its output parsed.
 */
final class FastText {

  static final String LABEL_PREFIX = "__label__";
  private static final Pattern WORDS_PER_SECOND = Pattern.compile("words/sec/thread:\\s*([0-9]+)");

  private final String binary;

  private FastText(String binary) {
    this.binary = binary;
  }

  /** The {@code fasttext} on PATH, installed with apt-get first when there is none. */
  static FastText locate(Consumer<String> progress) throws IOException, InterruptedException {
    if (onPath("fasttext")) {
      return new FastText("fasttext");
    }
    progress.accept("fasttext is not on PATH: installing the Debian package");
    List<String> install = List.of("apt-get", "install", "-y", "-q", "fasttext");
    ProcessResult result = run(isRoot() ? install : prepend("sudo", install));
    if (result.exitCode() != 0 || !onPath("fasttext")) {
      throw new IOException("cannot install fasttext (apt-get install fasttext):\n" + result.output());
    }
    return new FastText("fasttext");
  }

  /**
   * One training line: the label, then the tokens. Whitespace inside a token would split it in
   * two for fastText, so it becomes an underscore; empty tokens are dropped.
   */
  static String trainingLine(String label, List<String> tokens) {
    StringBuilder line = new StringBuilder(LABEL_PREFIX).append(label);
    for (String token : tokens) {
      String clean = token.strip().replaceAll("\\s+", "_");
      if (!clean.isEmpty()) {
        line.append(' ').append(clean);
      }
    }
    return line.toString();
  }

  /** A line to predict: the tokens alone. */
  static String predictionLine(List<String> tokens) {
    String line = trainingLine("", tokens);
    return line.substring(Math.min(line.length(), LABEL_PREFIX.length() + 1));
  }

  /** The last words/sec/thread figure fastText printed (its final one, after training), or NaN. */
  static double wordsPerSecondPerThread(String output) {
    Matcher matcher = WORDS_PER_SECOND.matcher(output);
    double last = Double.NaN;
    while (matcher.find()) {
      last = Double.parseDouble(matcher.group(1));
    }
    return last;
  }

  /**
   * Class indices of {@code predict}'s output lines ({@code __label__NAME} each); a line without a
   * known label gets {@code fallback}.
   */
  static int[] predictions(List<String> lines, Map<String, Integer> classOfLabel, int fallback) {
    int[] predicted = new int[lines.size()];
    for (int i = 0; i < predicted.length; i++) {
      String line = lines.get(i).strip();
      String first = line.isEmpty() ? "" : line.split("\\s+")[0];
      Integer cls = first.startsWith(LABEL_PREFIX) ? classOfLabel.get(first.substring(LABEL_PREFIX.length())) : null;
      predicted[i] = cls == null ? fallback : cls;
    }
    return predicted;
  }

  /** Trains a supervised model; returns fastText's console output. */
  String supervised(Path input, Path modelPrefix, List<String> options) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(binary, "supervised", "-input", input.toString(), "-output",
        modelPrefix.toString(), "-verbose", "2"));
    command.addAll(options);
    ProcessResult result = run(command);
    if (result.exitCode() != 0) {
      throw new IOException("fasttext supervised failed (" + result.exitCode() + "):\n" + result.output());
    }
    return result.output();
  }

  /** The predicted label line of every line of {@code input}. */
  List<String> predict(Path model, Path input) throws IOException, InterruptedException {
    Path out = Files.createTempFile("sentiflow-fasttext-", ".pred");
    try {
      ProcessBuilder builder = new ProcessBuilder(binary, "predict", model.toString(), input.toString())
          .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
      int exit = builder.start().waitFor();
      if (exit != 0) {
        throw new IOException("fasttext predict failed (" + exit + ")");
      }
      return Files.readAllLines(out, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private record ProcessResult(int exitCode, String output) {}

  private static ProcessResult run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new ProcessResult(process.waitFor(), output);
  }

  private static boolean onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, name))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static List<String> prepend(String first, List<String> rest) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(rest);
    return all;
  }
}
