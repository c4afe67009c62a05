package dev.berth.server.cli;

import dev.berth.policy.simulator.Simulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code berth policy simulate FILE|-} (policy.md section 6): one JSON line per case; exit 0 when
 * every case with an expectation met it, 1 when one did not, 2 when the file is unreadable.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run policy cases ({\"cases\": [...]}) and print one JSON line per case.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every case with an expectation met it", "1:a case did not", "2:the file is unreadable"})
final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE|-", description = "the case file, or - for standard input")
    String file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String text;
        try {
            text = InputFile.read(file, System.in);
        } catch (IOException e) {
            err.println("berth policy simulate: cannot read `" + file + "`: " + Messages.of(e));
            return Simulator.UNREADABLE;
        }
        Simulator.Run run = Simulator.run(text, result -> out.println(result.json()));
        out.flush();
        if (run.unreadable() != null) {
            err.println("berth policy simulate: `" + file + "` is unreadable: " + run.unreadable());
        }
        return run.exitCode();
    }
}
