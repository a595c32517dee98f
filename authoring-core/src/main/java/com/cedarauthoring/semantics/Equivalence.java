package com.cedarauthoring.semantics;

import com.cedarauthoring.cedar.AuthRequest;
import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.cedar.Decision;
import com.cedarauthoring.cedar.ParseOutcome;
import com.cedarauthoring.gateway.GatewaySchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Semantic comparison of two policy sets: do they decide every generated request the same way? */
public final class Equivalence {

    /** A request on which the two sets disagree. */
    public record Difference(AuthRequest request, boolean expectedAllowed, boolean actualAllowed) {}

    private final Cedar cedar;
    private final RequestGenerator generator;

    public Equivalence(Cedar cedar) {
        this.cedar = cedar;
        this.generator = new RequestGenerator(cedar);
    }


    /**
     * The first request (from {@link RequestGenerator} over both sets) decided differently, if any.
     * Policies that do not parse are left out of their set (callers validate first).
     */
    public Optional<Difference> compare(List<String> expected, List<String> actual, GatewaySchema schema) {
        List<String> union = new ArrayList<>(expected);
        union.addAll(actual);
        List<AuthRequest> requests = generator.generate(schema, union);
        List<Decision> left = cedar.authorizeAll(named(expected), requests, Optional.of(schema));
        List<Decision> right = cedar.authorizeAll(named(actual), requests, Optional.of(schema));
        for (int i = 0; i < requests.size(); i++) {
            if (left.get(i).allowed() != right.get(i).allowed()) {
                return Optional.of(new Difference(requests.get(i), left.get(i).allowed(), right.get(i).allowed()));
            }
        }
        return Optional.empty();
    }

    private Map<String, String> named(List<String> texts) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String text : texts) {
            if (cedar.parse(text) instanceof ParseOutcome.Parsed parsed) {
                parsed.policies().forEach(p -> out.put("p" + out.size(), p));
            }
        }
        return out;
    }
}
