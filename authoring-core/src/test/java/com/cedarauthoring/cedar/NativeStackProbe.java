package com.cedarauthoring.cedar;

import com.cedarpolicy.model.policy.PolicySet;

/**
 * Child-JVM entry point of {@link NativeStackTest}: parses {@code args[1]} nested parentheses with the
 * native parser, either on a plain thread with the JVM's default 1 MiB stack, through {@link NativeStack}, or inline
 * on a thread of {@link Cedar#largeStackThreads}.
 * Prints "survived" when the process is still alive afterwards. Run only in a forked JVM: the plain
 * variant is expected to kill its process.
 */
public final class NativeStackProbe {
    public static void main(String[] args) throws Exception {
        int depth = Integer.parseInt(args[1]);
        String text = "permit(principal, action, resource) when { " + "(".repeat(depth) + "true" + ")".repeat(depth) + " };";
        java.util.concurrent.Callable<Object> parse = () -> {
            try {
                return PolicySet.parsePolicies(text);
            } catch (com.cedarpolicy.model.exception.InternalException e) {
                return e;
            }
        };
        if (args[0].equals("plain")) {
            Thread t = new Thread(null, () -> {
                try {
                    parse.call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "plain", 1024 * 1024);
            t.start();
            t.join();
        } else if (args[0].equals("factory")) {
            // a pool thread from Cedar.largeStackThreads: the parse runs inline on it, no hand-off
            Thread t = Cedar.largeStackThreads("probe").newThread(() -> {
                if (!Cedar.onLargeStack()) {
                    throw new IllegalStateException("not a large-stack thread");
                }
                new NativeStack(1).call(parse);
            });
            t.start();
            t.join();
        } else {
            new NativeStack(1).call(parse);
        }
        System.out.println("survived");
    }
}
