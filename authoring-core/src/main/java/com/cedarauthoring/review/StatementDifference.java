package com.cedarauthoring.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One request on which the reviewer's edited statement and the generated one decide differently.
 *
 * @param request         the authorization request (principal, action, resource, input), as JSON
 * @param generatedAllows the generated statement's decision
 * @param editedAllows    the edited statement's decision
 */
public record StatementDifference(JsonNode request, boolean generatedAllows, boolean editedAllows) {
    public StatementDifference {
        Objects.requireNonNull(request, "request");
    }

    public String describe() {
        return "the generated statement " + (generatedAllows ? "allows" : "denies") + " and the edited statement "
                + (editedAllows ? "allows" : "denies") + " " + request;
    }
}
