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
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
