package com.cedarauthoring.naming;

import java.security.SecureRandom;
import java.util.function.Supplier;

/**
 * Resource ids in AgentCore's shapes. Injected as an instance so tests can make ids deterministic.
 */
public final class Ids {
    private static final char[] LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final char[] MIXED_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    private final Supplier<Integer> random;

    private Ids(Supplier<Integer> random) {
        this.random = random;
    }

    public static Ids secureRandom() {
        SecureRandom r = new SecureRandom();
        return new Ids(() -> r.nextInt(Integer.MAX_VALUE));
    }

    public static Ids seeded(long seed) {
        java.util.Random r = new java.util.Random(seed);
        return new Ids(() -> r.nextInt(Integer.MAX_VALUE));
    }

    /** {@code <name>-<10 chars [a-z0-9]>}: policy engines, policies, generations, assets. */
    public String resourceId(String name) {
        return name + "-" + suffix(LOWER_ALNUM, 10);
    }

    /** Gateway ids: lower-cased name (hyphens kept, other characters dropped) plus a 10-char suffix. */
    public String gatewayId(String gatewayName) {
        String base = gatewayName.toLowerCase().replaceAll("[^0-9a-z-]", "");
        if (base.isEmpty()) {
            base = "gateway";
        }
        return base + "-" + suffix(LOWER_ALNUM, 10);
    }

    /** Gateway target ids: 10 chars {@code [0-9A-Z]}. */
    public String targetId() {
        return suffix(MIXED_ALNUM, 10);
    }

    private String suffix(char[] alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet[random.get() % alphabet.length]);
        }
        return sb.toString();
    }
}
