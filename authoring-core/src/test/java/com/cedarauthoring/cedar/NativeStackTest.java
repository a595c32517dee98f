package com.cedarauthoring.cedar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The native parser overflows a 1 MiB thread stack at 70 nested brackets and takes the JVM down (SIGSEGV);
 * on a {@link NativeStack} thread the same call returns. Each case runs in its own JVM because the crash
 * kills the process that makes it.
 */
class NativeStackTest {

    @Test
    void aDepthThatKillsAPlainThreadIsParsedOnANativeStackThread() throws Exception {
        Probe plain = probe("plain", 300);
        assertThat(plain.exit()).as("the reproduction: a plain 1 MiB thread dies\n" + plain.output()).isNotZero();
        assertThat(plain.output()).doesNotContain("survived");

        Probe onNativeStack = probe("native", 300);
        assertThat(onNativeStack.exit()).as(onNativeStack.output()).isZero();
        assertThat(onNativeStack.output()).contains("survived");
    }

    @Test
    void threadsOfTheLargeStackFactoryRunTheSameDepthInline() throws Exception {
        // generation jobs run on these threads and call Cedar without a hand-off; they must survive as much
        Probe inline = probe("factory", 300);
        assertThat(inline.exit()).as(inline.output()).isZero();
        assertThat(inline.output()).contains("survived");
    }

    @Test
    void textWithinTheBoundsIsFarBelowWhatEvenADefaultStackSurvives() throws Exception {
        // the bound leaves a margin on a plain thread too: CedarLimits.MAX_NESTING levels parse there
        Probe plain = probe("plain", CedarLimits.MAX_NESTING);
        assertThat(plain.exit()).as(plain.output()).isZero();
    }

    private record Probe(int exit, String output) {}

    private static Probe probe(String mode, int depth) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                NativeStackProbe.class.getName(), mode, Integer.toString(depth)))
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Probe(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
