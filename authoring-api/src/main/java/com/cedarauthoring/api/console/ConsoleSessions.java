package com.cedarauthoring.api.console;

import com.cedarauthoring.identity.Principal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Console sessions, in memory: a restart signs everyone out, which is acceptable for a console (the API
 * itself is stateless). Tokens are 256 random bits; sessions expire after {@link #TTL}; at most
 * {@link #MAX_SESSIONS} exist at once (the oldest expire first when the limit is reached).
 */
public final class ConsoleSessions {
    public static final Duration TTL = Duration.ofHours(8);
    static final int MAX_SESSIONS = 10_000;

    /** One signed-in console user. */
    public record Session(String token, String csrfToken, Principal principal, Instant expiresAt) {}

    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public ConsoleSessions(Clock clock) {
        this.clock = clock;
    }

    public Session open(Principal principal) {
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.values().stream().min(java.util.Comparator.comparing(Session::expiresAt))
                    .ifPresent(oldest -> sessions.remove(oldest.token()));
        }
        Session s = new Session(token(), token(), principal, clock.instant().plus(TTL));
        sessions.put(s.token(), s);
        return s;
    }

    public Optional<Session> find(String token) {
        Session s = token == null ? null : sessions.get(token);
        if (s == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(s.expiresAt())) {
            sessions.remove(token);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    public void close(String token) {
        if (token != null) {
            sessions.remove(token);
        }
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
