package com.cedarauthoring.translate.model;

import com.cedarauthoring.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import com.cedarauthoring.translate.Alignment;

/**
 * Reads the model's answer leniently but safely: code fences and leading or trailing prose are
 * tolerated, then the outermost JSON object must have the asked-for members with the asked-for types.
 * Anything else is {@link Unreadable} with a message the model can act on in a repair turn.
 */
sealed interface ModelOutput {

    /**
     * @param alignment the model's claim of which words each policy part came from (prompt v2); verified
     *                  by the pipeline's grounding check, never trusted
     */
    record Policy(String rawTextFragment, String cedar, List<String> ambiguities, List<Aligned> alignment) {
        public Policy {
            ambiguities = List.copyOf(ambiguities);
            alignment = List.copyOf(alignment);
        }

        Policy(String rawTextFragment, String cedar, List<String> ambiguities) {
            this(rawTextFragment, cedar, ambiguities, List.of());
        }
    }

    /** One alignment entry as the model wrote it: a policy part and the requirement words behind it. */
    record Aligned(Alignment.Role role, String target, String words) {}

    record Policies(List<Policy> policies) implements ModelOutput {
        public Policies {
            policies = List.copyOf(policies);
        }
    }

    record Unreadable(String problem) implements ModelOutput {}

    int MAX_POLICIES = 20;
    int MAX_CHARS = 200_000;
    int MAX_TRIES = 50;

    static ModelOutput parse(String text) {
        if (text == null || text.isBlank()) {
            return new Unreadable("the answer was empty; answer with the JSON object {\"policies\": [...]}");
        }
        if (text.length() > MAX_CHARS) {
            return new Unreadable("the answer was longer than " + MAX_CHARS + " characters");
        }
        // The outermost object is the first '{' from which a whole JSON object parses; prose or a fence
        // after it is ignored (the mapper reads one value). Bounded so garbage cannot make this quadratic.
        JsonNode root = null;
        String firstError = null;
        int tries = 0;
        for (int start = text.indexOf('{'); start >= 0 && tries < MAX_TRIES; start = text.indexOf('{', start + 1)) {
            tries++;
            try {
                JsonNode node = Json.mapper().readTree(text.substring(start));
                if (node != null && node.isObject()) {
                    root = node;
                    break;
                }
            } catch (JsonProcessingException e) {
                firstError = firstError == null ? e.getOriginalMessage() : firstError;
            }
        }
        if (root == null) {
            return new Unreadable(firstError == null
                    ? "the answer held no JSON object; answer with the JSON object {\"policies\": [...]} only"
                    : "the answer was not valid JSON (" + firstError + "); answer with the JSON object only");
        }
        JsonNode list = root.get("policies");
        if (list == null || !list.isArray()) {
            return new Unreadable("the JSON object has no \"policies\" array");
        }
        if (list.isEmpty()) {
            return new Unreadable("\"policies\" is empty; give one entry per requirement sentence, with "
                    + "\"cedar\": \"\" when it cannot be expressed");
        }
        if (list.size() > MAX_POLICIES) {
            return new Unreadable("\"policies\" has " + list.size() + " entries, at most " + MAX_POLICIES + " are accepted");
        }
        List<Policy> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode p = list.get(i);
            if (!p.isObject()) {
                return new Unreadable("policies[" + i + "] is not an object");
            }
            JsonNode cedar = p.get("cedar");
            if (cedar == null || !(cedar.isTextual() || cedar.isNull())) {
                return new Unreadable("policies[" + i + "] has no \"cedar\" string");
            }
            JsonNode fragment = p.get("rawTextFragment");
            if (fragment != null && !fragment.isTextual() && !fragment.isNull()) {
                return new Unreadable("policies[" + i + "].rawTextFragment is not a string");
            }
            List<String> ambiguities = new ArrayList<>();
            JsonNode amb = p.get("ambiguities");
            if (amb != null && amb.isArray()) {
                amb.forEach(a -> {
                    if (a.isTextual() && !a.asText().isBlank()) {
                        ambiguities.add(a.asText().strip());
                    }
                });
            } else if (amb != null && amb.isTextual() && !amb.asText().isBlank()) {
                ambiguities.add(amb.asText().strip());
            }
            List<Aligned> alignment = new ArrayList<>();
            JsonNode al = p.get("alignment");
            if (al != null && !al.isNull()) {
                if (!al.isArray()) {
                    return new Unreadable("policies[" + i + "].alignment is not an array");
                }
                for (int j = 0; j < al.size(); j++) {
                    JsonNode a = al.get(j);
                    Optional<Alignment.Role> role = Arrays.stream(Alignment.Role.values())
                            .filter(r -> r.name().equals(a.path("role").asText())).findFirst();
                    if (role.isEmpty() || !a.path("target").isTextual() || !a.path("words").isTextual()) {
                        return new Unreadable("policies[" + i + "].alignment[" + j + "] needs a role (EFFECT, PRINCIPAL, "
                                + "TOOL or CONDITION), a target string and a words string");
                    }
                    alignment.add(new Aligned(role.get(), a.path("target").asText(), a.path("words").asText()));
                }
            }
            out.add(new Policy(fragment == null || fragment.isNull() ? "" : fragment.asText(),
                    cedar.isNull() ? "" : cedar.asText(), ambiguities, alignment));
        }
        return new Policies(out);
    }
}
