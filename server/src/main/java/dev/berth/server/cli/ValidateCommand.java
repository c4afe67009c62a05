package dev.berth.server.cli;

import dev.berth.policy.PolicyEngine;
import dev.berth.policy.document.DocumentKind;
import dev.berth.policy.document.MalformedPolicyDocumentException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code berth policy validate --kind identity|trust|session FILE|-}: prints {@code valid}, or each problem. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a policy document; print `valid` or each problem.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:valid", "1:not valid", "2:the file is unreadable"})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--kind", required = true, paramLabel = "identity|trust|session",
            converter = DocumentKindConverter.class, description = "the kind of document")
    DocumentKind kind;

    @Parameters(index = "0", paramLabel = "FILE|-", description = "the document, or - for standard input")
    String file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String text;
        try {
            text = InputFile.read(file, System.in);
        } catch (IOException e) {
            spec.commandLine().getErr().println("berth policy validate: cannot read `" + file + "`: " + Messages.of(e));
            return 2;
        }
        try {
            PolicyEngine.parse(text, kind);
            out.println("valid");
            return 0;
        } catch (MalformedPolicyDocumentException e) {
            e.problems().forEach(problem -> out.println(MalformedPolicyDocumentException.CODE + ": " + problem));
            return 1;
        } finally {
            out.flush();
        }
    }
}
