package com.cedarauthoring.cedar;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs cedar-java calls on threads with a large, explicit stack.
 *
 * <p>The native parser and evaluator recurse on the calling thread's stack; a Rust stack overflow there is
 * not a Java {@code StackOverflowError} but a SIGSEGV that kills the whole service. Threads of other pools
 * have the JVM default (1 MiB), on which 70 nested brackets already crash (the HTTP and generation pools are
 * made by {@link #threadFactory}, so their calls run inline). {@link CedarLimits} keeps inputs
 * far below that, and these threads give the native code 64 times the default on top, so nothing that
 * passes the bounds can reach the end of the stack. The stack is reserved, not committed: a thread only
 * uses the memory its deepest call touches.
 *
 * <p>Calls made from a native thread run inline, so nested calls (validate parses, then validates) never
 * wait for a second thread. Idle threads exit after 30 s.
 */
final class NativeStack {
    static final long STACK_BYTES = 64L * 1024 * 1024;

    private final ThreadPoolExecutor executor;

    NativeStack() {
        this(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
    }

    NativeStack(int threads) {
        executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                threadFactory("cedar-native"));
        executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Daemon threads with the same large stack, for pools whose work mostly calls Cedar (generation jobs,
     * HTTP requests that evaluate policies): their Cedar calls run inline instead of waiting for a hand-off.
     */
    static ThreadFactory threadFactory(String prefix) {
        ThreadGroup group = new ThreadGroup(prefix);
        AtomicInteger counter = new AtomicInteger();
        return r -> {
            Thread t = new NativeThread(group, r, prefix + "-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Whether the calling thread has the large stack, so Cedar calls may run on it directly. */
    static boolean onLargeStack() {
        return Thread.currentThread() instanceof NativeThread;
    }

    /** Runs {@code call} on a large-stack thread and returns its result; its unchecked exceptions pass through. */
    <T> T call(Callable<T> call) {
        if (onLargeStack()) {
            return callInline(call);
        }
        Future<T> future = executor.submit(call);
        try {
            return future.get();
        } catch (InterruptedException e) {
            // the native call cannot be stopped; it finishes on its own thread and its result is dropped
            Thread.currentThread().interrupt();
            throw new CedarUnavailableException("interrupted while Cedar was running", e);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    private static <T> T callInline(Callable<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw rethrow(e);
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        throw new CedarUnavailableException("Cedar call failed", cause);
    }

    /** Marks the threads whose stack is large enough to run native calls inline. */
    private static final class NativeThread extends Thread {
        NativeThread(ThreadGroup group, Runnable r, String name) {
            super(group, r, name, STACK_BYTES);
        }
    }
}
