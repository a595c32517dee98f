package com.cedarauthoring.api.store;

import com.cedarauthoring.api.Application;
import com.cedarauthoring.api.ServiceConfig;
import java.nio.file.Path;

/**
 * Process entry of {@link AcknowledgedWritesSurviveKillTest}: the whole service on the embedded database
 * in {@code args[0]}, printing {@code READY <port>} when it serves. {@code args[1]} is H2's
 * {@code RETENTION_TIME} in ms: how long a dead chunk of the database file is kept before its space
 * may be reused. H2's default is 45 s; the kill test lowers it so that a fresh database behaves like
 * one that has been up for more than a minute (see {@code Database#embedded}) without a minute of waiting.
 */
public final class KillableService {
    public static void main(String[] args) throws Exception {
        Application app = Application.start(ServiceConfig.local(Path.of(args[0])));
        app.database().jdbc().update("SET RETENTION_TIME " + Integer.parseInt(args[1]));
        // compact far more often than the 10-minute default, so that kills also land during and
        // right after a compaction (which moves chunks and rewrites the file header)
        Thread compactor = new Thread(() -> {
            while (true) {
                app.database().compact();
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "test-compactor");
        compactor.setDaemon(true);
        compactor.start();
        System.out.println("READY " + app.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
