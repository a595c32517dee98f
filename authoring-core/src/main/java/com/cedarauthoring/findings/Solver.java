package com.cedarauthoring.findings;

import com.cedarauthoring.findings.Condition.And;
import com.cedarauthoring.findings.Condition.Cmp;
import com.cedarauthoring.findings.Condition.Dec;
import com.cedarauthoring.findings.Condition.In;
import com.cedarauthoring.findings.Condition.Like;
import com.cedarauthoring.findings.Condition.Lit;
import com.cedarauthoring.findings.Condition.Not;
import com.cedarauthoring.findings.Condition.Opaque;
import com.cedarauthoring.findings.Condition.Or;
import com.cedarauthoring.findings.Condition.Present;
import com.cedarauthoring.findings.Condition.Term;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides satisfiability of {@link Condition}s via DNF. Per disjunct, each term's constraints are
 * checked exactly (integer and decimal intervals with exclusions, finite candidate sets, presence);
 * like patterns are decided by witnesses and otherwise reported unknown, as are opaque predicates.
 */
final class Solver {
    enum Result { SAT, UNSAT, UNKNOWN }

    /** Outcome over a whole formula, with a reason per unsatisfiable disjunct. */
    record Verdict(Result result, List<String> reasons) {}

    private static final int MAX_DISJUNCTS = 4_096;

    private final Predicate<Term> required;

    Solver(Predicate<Term> required) {
        this.required = required;
    }

    /** SAT if some disjunct is satisfiable, UNSAT if every disjunct is proven unsatisfiable. */
    Verdict satisfiable(Condition c, boolean negated) {
        List<List<Lit>> dnf;
        try {
            dnf = dnf(c, negated);
        } catch (TooBig e) {
            return new Verdict(Result.UNKNOWN, List.of());
        }
        List<String> reasons = new ArrayList<>();
        boolean unknown = false;
        for (List<Lit> d : dnf) {
            Optional<String> conflict = conflict(d);
            if (conflict.isEmpty()) {
                Result r = decide(d);
                if (r == Result.SAT) {
                    return new Verdict(Result.SAT, List.of());
                }
                unknown |= r == Result.UNKNOWN;
                if (r == Result.UNSAT) {
                    reasons.add(explain(d));
                }
            } else {
                reasons.add(conflict.get());
            }
        }
        return new Verdict(unknown ? Result.UNKNOWN : Result.UNSAT, reasons.stream().distinct().toList());
    }

    private static final class TooBig extends RuntimeException {
        TooBig() {
            super(null, null, false, false);
        }
    }

    /** The disjunctive normal form of a condition (throws when it exceeds the bound). */
    static List<List<Lit>> dnfOf(Condition c) {
        return new Solver(t -> false).dnf(c, false);
    }

    private List<List<Lit>> dnf(Condition c, boolean neg) {
        if (c instanceof Lit l) {
            return List.of(List.of(neg ? l.negate() : l));
        }
        if (c instanceof Not n) {
            return dnf(n.arg(), !neg);
        }
        List<Condition> parts = c instanceof And a ? a.parts() : ((Or) c).parts();
        boolean conjunction = (c instanceof And) != neg;
        if (!conjunction) {
            List<List<Lit>> out = new ArrayList<>();
            for (Condition p : parts) {
                out.addAll(dnf(p, neg));
                if (out.size() > MAX_DISJUNCTS) {
                    throw new TooBig();
                }
            }
            return out;
        }
        List<List<Lit>> acc = List.of(List.of());
        for (Condition p : parts) {
            List<List<Lit>> next = new ArrayList<>();
            for (List<Lit> left : acc) {
                for (List<Lit> right : dnf(p, neg)) {
                    List<Lit> merged = new ArrayList<>(left);
                    right.stream().filter(l -> !merged.contains(l)).forEach(merged::add);
                    // clashing disjuncts are kept: conflict() turns them into the reason reviewers read
                    next.add(merged);
                    if (next.size() > MAX_DISJUNCTS) {
                        throw new TooBig();
                    }
                }
            }
            acc = next;
        }
        return acc;
    }

    /** The first pair of literals that cannot hold together, as a sentence. */
    private Optional<String> conflict(List<Lit> d) {
        for (Lit l : d) {
            if (!(l.atom() instanceof Opaque) && d.contains(l.negate())) {
                return Optional.of(render(l) + " and " + render(l.negate()) + " can never both hold");
            }
        }
        return Optional.empty();
    }

    private Result decide(List<Lit> d) {
        Map<Term, List<Lit>> byTerm = byTerm(d);
        boolean unknown = d.stream().anyMatch(l -> l.atom() instanceof Opaque);
        for (Map.Entry<Term, List<Lit>> e : byTerm.entrySet()) {
            Result r = decideTerm(e.getKey(), e.getValue());
            if (r == Result.UNSAT) {
                return Result.UNSAT;
            }
            unknown |= r == Result.UNKNOWN;
        }
        return unknown ? Result.UNKNOWN : Result.SAT;
    }

    private static Map<Term, List<Lit>> byTerm(List<Lit> d) {
        Map<Term, List<Lit>> byTerm = new LinkedHashMap<>();
        for (Lit l : d) {
            termOf(l).ifPresent(t -> byTerm.computeIfAbsent(t, k -> new ArrayList<>()).add(l));
        }
        return byTerm;
    }

    private static Optional<Term> termOf(Lit l) {
        if (l.atom() instanceof Present p) {
            return Optional.of(p.term());
        }
        if (l.atom() instanceof Cmp c) {
            return Optional.of(c.term());
        }
        if (l.atom() instanceof In i) {
            return Optional.of(i.term());
        }
        if (l.atom() instanceof Like k) {
            return Optional.of(k.term());
        }
        return Optional.empty();
    }

    /** Explains an unsatisfiable disjunct by the smallest set of one term's literals that conflict. */
    private String explain(List<Lit> d) {
        for (Map.Entry<Term, List<Lit>> e : byTerm(d).entrySet()) {
            List<Lit> lits = e.getValue();
            if (decideTerm(e.getKey(), lits) != Result.UNSAT) {
                continue;
            }
            for (Lit l : lits) {
                if (decideTerm(e.getKey(), List.of(l)) == Result.UNSAT) {
                    return render(l) + " never holds (" + e.getKey().display() + " is always present)";
                }
            }
            for (int i = 0; i < lits.size(); i++) {
                for (int j = i + 1; j < lits.size(); j++) {
                    if (decideTerm(e.getKey(), List.of(lits.get(i), lits.get(j))) == Result.UNSAT) {
                        return render(lits.get(i)) + " and " + render(lits.get(j)) + " can never both hold";
                    }
                }
            }
            return String.join(" and ", lits.stream().map(Solver::render).toList()) + " can never all hold";
        }
        return "the conditions contradict each other";
    }

    static String render(Lit l) {
        String s;
        if (l.atom() instanceof Present p) {
            s = p.term().presence();
        } else if (l.atom() instanceof Cmp c) {
            s = c.term().display() + " " + c.op() + " " + value(c.value());
        } else if (l.atom() instanceof In i) {
            s = "[" + String.join(", ", i.values().stream().map(Solver::value).toList()) + "].contains("
                    + i.term().display() + ")";
        } else if (l.atom() instanceof Like k) {
            StringBuilder sb = new StringBuilder();
            k.pattern().forEach(o -> sb.append(o == Condition.WILDCARD ? "*" : (char) (Character) o == '*' ? "\\*" : o));
            s = k.term().display() + " like \"" + sb + "\"";
        } else {
            s = ((Opaque) l.atom()).est();
        }
        return l.positive() ? s : "!(" + s + ")";
    }

    static String value(Object v) {
        return v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
    }

    // ---- one term

    private Result decideTerm(Term term, List<Lit> lits) {
        boolean mustPresent = !term.tag() && required.test(term);
        boolean mustAbsent = false;
        List<Lit> valueLits = new ArrayList<>();
        for (Lit l : lits) {
            if (l.atom() instanceof Present) {
                mustPresent |= l.positive();
                mustAbsent |= !l.positive();
            } else {
                mustPresent |= l.positive();
                valueLits.add(l);
            }
        }
        if (mustPresent && mustAbsent) {
            return Result.UNSAT;
        }
        if (!mustPresent) {
            return Result.SAT; // absent: every negated predicate holds
        }
        return values(valueLits);
    }

    private static Result values(List<Lit> lits) {
        Set<Class<?>> kinds = new HashSet<>();
        for (Lit l : lits) {
            if (l.atom() instanceof Cmp c) {
                kinds.add(c.value().getClass());
            } else if (l.atom() instanceof In i) {
                i.values().forEach(v -> kinds.add(v.getClass()));
            } else {
                kinds.add(String.class);
            }
        }
        if (kinds.size() > 1) {
            return Result.UNKNOWN;
        }
        // finite candidates: an equality, a positive set membership, a wildcard-free like, or a boolean
        Set<Object> candidates = null;
        for (Lit l : lits) {
            Set<Object> c = null;
            if (l.atom() instanceof Cmp cmp && cmp.op().equals(l.positive() ? "==" : "!=")) {
                c = Set.of(cmp.value());
            } else if (l.positive() && l.atom() instanceof In in) {
                c = new LinkedHashSet<>(in.values());
            } else if (l.positive() && l.atom() instanceof Like k && !k.pattern().contains(Condition.WILDCARD)) {
                c = Set.of(literalOf(k.pattern()));
            }
            if (c != null) {
                if (candidates == null) {
                    candidates = new LinkedHashSet<>(c);
                } else {
                    candidates.retainAll(c);
                }
            }
        }
        if (candidates == null && kinds.contains(Boolean.class)) {
            candidates = new LinkedHashSet<>(List.of(true, false));
        }
        if (candidates != null) {
            return candidates.stream().anyMatch(v -> lits.stream().allMatch(l -> holds(l, v))) ? Result.SAT : Result.UNSAT;
        }
        if (kinds.contains(Long.class) || kinds.contains(Dec.class)) {
            return interval(lits);
        }
        return strings(lits);
    }

    private static Result interval(List<Lit> lits) {
        long lo = Long.MIN_VALUE;
        long hi = Long.MAX_VALUE;
        Set<Long> excluded = new HashSet<>();
        for (Lit l : lits) {
            if (l.atom() instanceof In in) {
                in.values().forEach(v -> excluded.add(units(v))); // only negated sets remain here
                continue;
            }
            Cmp c = (Cmp) l.atom();
            long v = units(c.value());
            String op = l.positive() ? c.op() : negate(c.op());
            switch (op) {
                case "<" -> { if (v == Long.MIN_VALUE) return Result.UNSAT; hi = Math.min(hi, v - 1); }
                case "<=" -> hi = Math.min(hi, v);
                case ">" -> { if (v == Long.MAX_VALUE) return Result.UNSAT; lo = Math.max(lo, v + 1); }
                case ">=" -> lo = Math.max(lo, v);
                case "!=" -> excluded.add(v);
                case "==" -> { lo = Math.max(lo, v); hi = Math.min(hi, v); }
                default -> { return Result.UNKNOWN; }
            }
        }
        if (lo > hi) {
            return Result.UNSAT;
        }
        final long l0 = lo;
        final long h0 = hi;
        long inside = excluded.stream().filter(x -> x >= l0 && x <= h0).count();
        // hi - lo + 1 values; compare without overflow
        return Long.compareUnsigned(h0 - l0, inside) >= 0 ? Result.SAT : Result.UNSAT;
    }

    private static Result strings(List<Lit> lits) {
        List<List<Object>> positive = new ArrayList<>();
        for (Lit l : lits) {
            if (l.positive() && l.atom() instanceof Like k) {
                positive.add(k.pattern());
            }
        }
        boolean anyLike = lits.stream().anyMatch(l -> l.atom() instanceof Like);
        if (!anyLike) {
            return Result.SAT; // finitely many exclusions over infinitely many strings
        }
        List<String> witnesses = new ArrayList<>();
        for (String filler : List.of("", "~q", "~z~")) {
            StringBuilder all = new StringBuilder();
            for (List<Object> p : positive) {
                witnesses.add(instantiate(p, filler));
                all.append(instantiate(p, filler));
            }
            witnesses.add(all.toString());
            witnesses.add(filler);
        }
        for (Lit l : lits) {
            if (l.atom() instanceof Cmp c && c.value() instanceof String s) {
                witnesses.add(s);
            }
        }
        for (String w : witnesses) {
            if (lits.stream().allMatch(l -> holds(l, w))) {
                return Result.SAT;
            }
        }
        return Result.UNKNOWN;
    }

    static String instantiate(List<Object> pattern, String filler) {
        StringBuilder sb = new StringBuilder();
        pattern.forEach(o -> sb.append(o == Condition.WILDCARD ? filler : o));
        return sb.toString();
    }

    private static String literalOf(List<Object> pattern) {
        return instantiate(pattern, "");
    }

    private static String negate(String op) {
        return switch (op) {
            case "<" -> ">=";
            case "<=" -> ">";
            case ">" -> "<=";
            case ">=" -> "<";
            case "==" -> "!=";
            default -> "==";
        };
    }

    private static long units(Object v) {
        return v instanceof Dec d ? d.units() : (Long) v;
    }

    /** Does a present term with value v satisfy the literal? */
    static boolean holds(Lit l, Object v) {
        boolean r;
        if (l.atom() instanceof Cmp c) {
            r = compare(c.op(), v, c.value());
        } else if (l.atom() instanceof In in) {
            r = in.values().contains(v);
        } else if (l.atom() instanceof Like k) {
            r = v instanceof String s && matches(k.pattern(), s);
        } else {
            r = true;
        }
        return r == l.positive();
    }

    private static boolean compare(String op, Object v, Object lit) {
        if (op.equals("==")) {
            return v.equals(lit);
        }
        if (op.equals("!=")) {
            return !v.equals(lit);
        }
        if (!(v instanceof Long || v instanceof Dec) || v.getClass() != lit.getClass()) {
            return false;
        }
        int cmp = Long.compare(units(v), units(lit));
        return switch (op) {
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            case ">" -> cmp > 0;
            default -> cmp >= 0;
        };
    }

    /** Cedar like matching: WILDCARD matches any (possibly empty) sequence. */
    static boolean matches(List<Object> pattern, String s) {
        int p = 0;
        int i = 0;
        int star = -1;
        int mark = 0;
        while (i < s.length()) {
            if (p < pattern.size() && pattern.get(p) != Condition.WILDCARD && (Character) pattern.get(p) == s.charAt(i)) {
                p++;
                i++;
            } else if (p < pattern.size() && pattern.get(p) == Condition.WILDCARD) {
                star = p++;
                mark = i;
            } else if (star >= 0) {
                p = star + 1;
                i = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.size() && pattern.get(p) == Condition.WILDCARD) {
            p++;
        }
        return p == pattern.size();
    }
}
