package com.cedarauthoring.api;

import com.cedarauthoring.api.cli.GenerateCommand;
import com.cedarauthoring.api.cli.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar authoring.jar <command>}: {@code serve} runs the service, {@code generate} works offline. */
@Command(name = "authoring", mixinStandardHelpOptions = true, version = "authoring 0.1.0",
        description = "Cedar authoring service: natural-language requirements to reviewed Cedar policies.",
        subcommands = {ServeCommand.class, GenerateCommand.class})
public final class Main {
    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new Main());
        // A configuration the service refuses (a model of another geography, a bad port...) is the
        // operator's to fix: print the reason, not a stack trace.
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        System.exit(cli.execute(args));
    }
}
