package com.cedarauthoring.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The packaged service started as its own JVM, as a user would run it; measured from outside. */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path dataDir;
    private final Path log;

    private ServerProcess(Process process, int port, Path dataDir, Path log) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
        this.log = log;
    }

    static ServerProcess start(Path jar, List<String> extraArgs, Map<String, String> env) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path dataDir = Files.createTempDirectory("authoring-bench-");
        Path log = dataDir.resolve("server.log");
        List<String> cmd = new ArrayList<>(List.of("java", "-Xmx256m"));
        // e.g. BENCH_SERVER_JVM_OPTS="-XX:StartFlightRecording=filename=/tmp/server.jfr,settings=profile" to profile the server
        String extraJvm = System.getenv("BENCH_SERVER_JVM_OPTS");
        if (extraJvm != null && !extraJvm.isBlank()) {
            cmd.addAll(List.of(extraJvm.trim().split("\\s+")));
        }
        cmd.addAll(List.of("-jar", jar.toString(), "serve",
                "--port", Integer.toString(port), "--data-dir", dataDir.resolve("data").toString()));
        cmd.addAll(extraArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        ServerProcess server = new ServerProcess(p, port, dataDir, log);
        try {
            // generous: a machine busy with other builds can take a minute to start a JVM
            server.awaitHealthy(Duration.ofSeconds(180));
        } catch (Exception e) {
            server.close(); // never leave a server running behind a failed start
            throw e;
        }
        return server;
    }

    private void awaitHealthy(Duration timeout) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited: " + Files.readString(log));
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("server not healthy within " + timeout + ": " + Files.readString(log));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Bytes of all files under the service's data directory (the embedded database). */
    long dataBytes() throws IOException {
        Path data = dataDir.resolve("data");
        if (!Files.exists(data)) {
            return 0;
        }
        try (var files = Files.walk(data)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException gone) {
                    return 0; // a file replaced while walking (compaction)
                }
            }).sum();
        }
    }

    /**
     * The service's own latency of its last {@code last} requests of one operation, from its access log
     * ({@code <operation> <method> <path> <status> <micros> us}): from its first handler to its last, so without
     * Jetty's reading and writing of the request and loopback. The rest of a client's figure is those and the client.
     */
    long[] accessLogNanos(String operation, int last) throws IOException {
        List<Long> nanos = new ArrayList<>();
        String marker = " - " + operation + " ";
        try (var lines = Files.lines(log)) {
            lines.filter(l -> l.contains(marker) && l.endsWith(" us")).forEach(l -> {
                String[] words = l.split(" ");
                nanos.add(Long.parseLong(words[words.length - 2]) * 1000);
            });
        }
        return nanos.subList(Math.max(0, nanos.size() - last), nanos.size()).stream().mapToLong(Long::longValue).toArray();
    }

    /** Resident set size of the server process in MiB (Linux /proc). */
    /**
     * CPU time the server process has used so far (user + system, from /proc), in milliseconds. Unlike
     * wall-clock latency it hardly depends on what else runs on the machine, so CPU per generation is the
     * figure to compare between builds on a busy machine.
     */
    long cpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            // fields after the command name in parentheses; utime and stime are fields 14 and 15
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU time (ms) the server's threads whose name starts with {@code prefix} have used (from /proc, per thread;
     * threads that ended are not counted). For request threads ({@code http-}) it leaves out the JIT's compiler
     * threads and the collector, which {@link #cpuMillis} counts, so it is the steadier figure on a busy machine.
     */
    long threadCpuMillis(String prefix) {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc/" + process.pid() + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.startsWith(prefix)) {
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (IOException | RuntimeException ended) {
                    // the thread ended while listing
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return ticks * 1000 / CLOCK_TICKS;
    }

    /**
     * CPU time (ms) of the JIT's compiler threads (HotSpot's "C1 CompilerThreadN" and "C2 CompilerThreadN"; /proc
     * keeps 15 characters of a name). While it is a large share of {@link #cpuMillis} the server is still warming
     * up, and its latency and CPU figures are not yet those of a long-running service.
     */
    long jitCpuMillis() {
        return threadCpuMillis("C1 CompilerThre") + threadCpuMillis("C2 CompilerThre");
    }

    /** USER_HZ of Linux's /proc figures; 100 on every mainstream kernel configuration. */
    private static final long CLOCK_TICKS = 100;

    long rssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    @Override
    public void close() throws Exception {
        process.destroy(); // SIGTERM: the service stops cleanly
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
