package io.sentiflow.ops.bench;

import picocli.CommandLine.Command;

/** {@code sentiflow bench ...}: each stage against its baseline in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks: progress on stderr, a Markdown report under ops/target/bench/, and one JSON line "
        + "with every figure as the last line of stdout.",
    subcommands = {BenchIngestCommand.class, BenchFeaturesCommand.class, BenchLearnerCommand.class,
        BenchScorerCommand.class})
public final class BenchCommand {}
