package com.cedarauthoring.testing;

import com.cedarauthoring.errors.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named suite of test cases kept on the server for one engine, so reviewers share it: the gateway its
 * cases address and the cases in the wire shape of a test run ({@code name, principal, action, input,
 * expected}). The cases are checked against the gateway when saved and again when run.
 */
public record TestSuite(String policyEngineId, String name, String gatewayArn, JsonNode cases, String createdBy,
                        Instant createdAt, String updatedBy, Instant updatedAt) {
    /** Names travel in URL paths: letters, digits, {@code _ . -}, starting with a letter or digit. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    public TestSuite {
        Objects.requireNonNull(policyEngineId, "policyEngineId");
        checkName(name);
        Objects.requireNonNull(gatewayArn, "gatewayArn");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedBy, "updatedBy");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (cases == null || !cases.isArray() || cases.isEmpty()) {
            throw new IllegalArgumentException("a test suite has at least one case");
        }
        cases = cases.deepCopy();
    }

    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ValidationException.field("suiteName", "Member must satisfy regular expression pattern: " + NAME.pattern()
                    + " (1-64 characters)");
        }
        return name;
    }

    /** This suite with the gateway, cases and last writer of {@code next}; who created it and when stay. */
    public TestSuite replacedBy(TestSuite next) {
        return new TestSuite(policyEngineId, name, next.gatewayArn, next.cases, createdBy, createdAt, next.updatedBy,
                next.updatedAt);
    }
}
