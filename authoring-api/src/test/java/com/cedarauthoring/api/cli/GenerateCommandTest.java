package com.cedarauthoring.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.api.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class GenerateCommandTest {
    static final Path REFUND = Path.of(System.getProperty("fixtures.dir", "../fixtures"), "gateways", "refund.json");

    record Run(int status, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void printsRequirementCedarAndFindingsAndExitsZeroWhenUsable() {
        Run r = run("generate", "--gateway", REFUND.toString(),
                "Allow user refund-agent to process refunds or check refund status.");
        assertThat(r.status()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("[1] Allow user refund-agent to process refunds or check refund status")
                .contains("permit (").contains("RefundTarget___process_refund").contains("VALID");
    }

    @Test
    void exitsOneWhenAnAssetIsNotTranslatable() {
        Run r = run("generate", "--gateway", REFUND.toString(), "Allow users to process reasonable refunds.");
        assertThat(r.status()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("NOT_TRANSLATABLE");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("generate", "Allow refunds.").status()).isEqualTo(2);
        assertThat(run("generate", "--gateway", "no-such-file.json", "Allow refunds.").status()).isEqualTo(2);
    }
}
