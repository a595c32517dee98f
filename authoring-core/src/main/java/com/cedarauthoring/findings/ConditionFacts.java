package com.cedarauthoring.findings;

import com.cedarauthoring.cedar.est.PolicyView;
import com.cedarauthoring.findings.Condition.Cmp;
import com.cedarauthoring.findings.Condition.Dec;
import com.cedarauthoring.findings.Condition.In;
import com.cedarauthoring.findings.Condition.Like;
import com.cedarauthoring.findings.Condition.Lit;
import com.cedarauthoring.findings.Condition.Present;
import com.cedarauthoring.findings.Condition.Term;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a policy's conditions test, for generating requests at its boundaries: the literals compared
 * with each input attribute and tag, and concrete assignments that make each alternative of the
 * condition hold, or fail on exactly one of its predicates.
 *
 * <p>Values are {@code Long}, {@code String}, {@code Boolean} or {@code BigDecimal} (decimals);
 * an empty Optional in an assignment means "absent".
 */
public final class ConditionFacts {
    private static final int MAX_ALTERNATIVES = 64;

    /** Stands for "present, with any value" when the condition only tests presence. */
    public enum AnyValue { ANY }

    /** An input attribute (path below {@code context.input}) or a principal tag. */
    public record Key(String name, boolean tag) {}

    /** One assignment and a short description of what it exercises. */
    public record Scenario(Map<Key, Optional<Object>> values, boolean expectedToHold, String description) {}

    private final List<List<Lit>> alternatives;
    private final Map<Key, Set<Object>> candidates = new LinkedHashMap<>();
    private final Map<Key, Set<Object>> literals = new LinkedHashMap<>();

    private ConditionFacts(List<List<Lit>> alternatives) {
        this.alternatives = alternatives;
        for (List<Lit> alt : alternatives) {
            for (Lit l : alt) {
                key(l).ifPresent(k -> addValues(k, l));
            }
        }
    }

    /** Facts of one policy. */
    public static ConditionFacts of(PolicyView policy) {
        Condition c = new PolicyConditions().policyCondition(policy);
        List<List<Lit>> alts;
        try {
            alts = Solver.dnfOf(c);
        } catch (RuntimeException tooBig) {
            alts = List.of();
        }
        return new ConditionFacts(alts.size() > MAX_ALTERNATIVES ? alts.subList(0, MAX_ALTERNATIVES) : alts);
    }

    /** Literals compared with each key (like patterns instantiated), in policy order. */
    public Map<Key, Set<Object>> literals() {
        return literals;
    }

    /** Boundary values per key: each literal, its neighbours, and a value different from all literals. */
    public Map<Key, Set<Object>> boundaryValues() {
        return candidates;
    }

    /**
     * For each alternative (DNF disjunct) of the condition: an assignment where it holds, then one per
     * predicate where only that predicate fails. Keys not mentioned are unconstrained.
     */
    public List<Scenario> scenarios() {
        List<Scenario> out = new ArrayList<>();
        for (List<Lit> alt : alternatives) {
            Optional<Map<Key, Optional<Object>>> base = assign(alt);
            if (base.isEmpty()) {
                continue;
            }
            out.add(new Scenario(base.get(), true, describe(alt)));
            for (Lit l : alt) {
                Optional<Key> k = key(l);
                if (k.isEmpty()) {
                    continue;
                }
                List<Lit> flipped = new ArrayList<>();
                if (l.atom() instanceof Present) {
                    // without the field or tag, the predicates on it are moot
                    flipped.add(l.negate());
                }
                for (Lit other : l.atom() instanceof Present ? List.<Lit>of() : alt) {
                    if (key(other).equals(k)) {
                        flipped.add(other == l ? l.negate() : other);
                    }
                }
                if (l.atom() instanceof Cmp || l.atom() instanceof In || l.atom() instanceof Like) {
                    // fail the predicate while the term stays present
                    flipped.add(new Lit(new Present(termOf(l)), true));
                }
                Optional<Optional<Object>> v = choose(k.get(), flipped);
                if (v.isPresent()) {
                    Map<Key, Optional<Object>> m = new LinkedHashMap<>(base.get());
                    m.put(k.get(), v.get());
                    out.add(new Scenario(m, false, "not " + Solver.render(l)));
                }
            }
        }
        return out;
    }

    private static String describe(List<Lit> alt) {
        return alt.isEmpty() ? "no condition" : String.join(" && ", alt.stream().map(Solver::render).toList());
    }

    private Optional<Map<Key, Optional<Object>>> assign(List<Lit> alt) {
        Map<Key, List<Lit>> byKey = new LinkedHashMap<>();
        for (Lit l : alt) {
            key(l).ifPresent(k -> byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(l));
        }
        Map<Key, Optional<Object>> out = new LinkedHashMap<>();
        for (Map.Entry<Key, List<Lit>> e : byKey.entrySet()) {
            Optional<Optional<Object>> v = choose(e.getKey(), e.getValue());
            if (v.isEmpty()) {
                return Optional.empty();
            }
            out.put(e.getKey(), v.get());
        }
        return Optional.of(out);
    }

    /** A value (or absence) satisfying all literals on one key, if the candidates contain one. */
    private Optional<Optional<Object>> choose(Key key, List<Lit> lits) {
        boolean needPresent = lits.stream().anyMatch(l -> l.positive());
        boolean needAbsent = lits.stream().anyMatch(l -> !l.positive() && l.atom() instanceof Present);
        if (needAbsent) {
            return needPresent ? Optional.empty() : Optional.of(Optional.empty());
        }
        for (Object v : candidates.getOrDefault(key, Set.of())) {
            Object internal = v instanceof BigDecimal d ? new Dec(d.movePointRight(4).longValueExact()) : v;
            if (lits.stream().allMatch(l -> Solver.holds(l, internal))) {
                return Optional.of(Optional.of(v));
            }
        }
        if (lits.stream().allMatch(l -> l.atom() instanceof Present)) {
            return Optional.of(Optional.of(AnyValue.ANY));
        }
        return needPresent ? Optional.empty() : Optional.of(Optional.empty());
    }

    private static Term termOf(Lit l) {
        if (l.atom() instanceof Cmp c) {
            return c.term();
        }
        if (l.atom() instanceof In i) {
            return i.term();
        }
        if (l.atom() instanceof Like k) {
            return k.term();
        }
        return ((Present) l.atom()).term();
    }

    private static Optional<Key> key(Lit l) {
        if (l.atom() instanceof Condition.Opaque) {
            return Optional.empty();
        }
        Term t = termOf(l);
        if (t.tag()) {
            return Optional.of(new Key(t.path(), true));
        }
        return t.path().startsWith("context.input.")
                ? Optional.of(new Key(t.path().substring("context.input.".length()), false)) : Optional.empty();
    }

    private void addValues(Key k, Lit l) {
        Set<Object> lits = literals.computeIfAbsent(k, x -> new LinkedHashSet<>());
        Set<Object> c = candidates.computeIfAbsent(k, x -> new LinkedHashSet<>());
        List<Object> values = new ArrayList<>();
        if (l.atom() instanceof Cmp cmp) {
            values.add(cmp.value());
        } else if (l.atom() instanceof In in) {
            values.addAll(in.values());
        } else if (l.atom() instanceof Like like) {
            String plain = Solver.instantiate(like.pattern(), "");
            lits.add(plain);
            c.add(plain);
            c.add(Solver.instantiate(like.pattern(), "zz"));
            c.add("q" + plain.replace("*", "") + "q");
            c.add("other");
            return;
        }
        for (Object v : values) {
            if (v instanceof Long n) {
                lits.add(n);
                c.add(n);
                if (n > Long.MIN_VALUE) {
                    c.add(n - 1);
                }
                if (n < Long.MAX_VALUE) {
                    c.add(n + 1);
                }
            } else if (v instanceof Dec d) {
                BigDecimal b = BigDecimal.valueOf(d.units(), 4);
                lits.add(b);
                c.add(b);
                c.add(BigDecimal.valueOf(d.units() - 1, 4));
                c.add(BigDecimal.valueOf(d.units() + 1, 4));
            } else if (v instanceof Boolean b) {
                lits.add(b);
                c.add(true);
                c.add(false);
            } else {
                lits.add(v);
                c.add(v);
                c.add(v + "-other");
            }
        }
    }
}
