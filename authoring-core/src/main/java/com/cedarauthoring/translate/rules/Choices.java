package com.cedarauthoring.translate.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decision points where several readings are equally good (two tools, two attributes, "1.000", a bare
 * username-or-role) and the choice forced for this parse. The translator parses once with no forcing, then
 * once per other option of the first point met: one candidate per reading.
 */
final class Choices {
    enum Kind { TOOL, ATTRIBUTE, INFERRED_ATTRIBUTE, NUMBER, PRINCIPAL }

    /** A decision point: what is decided, at which token. */
    record Point(Kind kind, int token) {}

    record Tie(Point point, int options) {}

    private final Map<Point, Integer> forced;
    private final List<Tie> met = new ArrayList<>();

    Choices() {
        this(Map.of());
    }

    private Choices(Map<Point, Integer> forced) {
        this.forced = Map.copyOf(forced);
    }

    /** The option to take at {@code point} among {@code options} (0 unless forced); records the tie. */
    int pick(Kind kind, int token, int options) {
        Point p = new Point(kind, token);
        met.add(new Tie(p, options));
        return Math.min(forced.getOrDefault(p, 0), options - 1);
    }

    Optional<Tie> first() {
        return met.isEmpty() ? Optional.empty() : Optional.of(met.get(0));
    }

    static Choices forcing(Point point, int option) {
        return new Choices(Map.of(point, option));
    }
}
