package com.cedarauthoring.api.cluster;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A {@link ClusterNode} JVM: its stdout lines, kept for the test to read, and a forcible kill. */
final class NodeProcess implements AutoCloseable {
    final String name;
    final Process process;
    final List<String> lines = new CopyOnWriteArrayList<>();

    NodeProcess(String name, List<String> args, Path log) throws Exception {
        this.name = name;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx384m", "-cp",
                System.getProperty("java.class.path"), ClusterNode.class.getName()));
        command.addAll(args);
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (java.io.IOException ignored) {
                // the process was killed
            }
        }, name + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** The port of {@code READY <port>}, waiting at most 180 s (a machine busy with other builds starts JVMs slowly). */
    int awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            for (String line : lines) {
                if (line.startsWith("READY ")) {
                    return Integer.parseInt(line.substring(6).trim());
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before it was ready");
            }
            Thread.sleep(50); // poll interval
        }
        throw new AssertionError(name + " did not start within 180 s");
    }

    long translations(String text) {
        return lines.stream().filter(l -> l.equals("TRANSLATING " + text)).count();
    }

    void killDashNine() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " survived kill -9");
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
