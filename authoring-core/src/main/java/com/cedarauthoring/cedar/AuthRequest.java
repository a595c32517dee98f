package com.cedarauthoring.cedar;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One authorization request as a gateway would build it from an MCP {@code tools/call}.
 *
 * @param principalType  unqualified entity type, {@code OAuthUser} or {@code IamEntity}
 * @param principalId    the JWT {@code sub} or the caller ARN
 * @param tags           JWT claims (OAuthUser only); empty for IamEntity
 * @param actionId       {@code <Target>___<tool>}, unqualified
 * @param gatewayArn     resource id
 * @param input          the tool arguments ({@code context.input}); numbers on decimal attributes must be
 *                       passed as strings in Cedar decimal syntax or numbers, see {@link Cedar#authorize}
 */
public record AuthRequest(String principalType, String principalId, Map<String, String> tags,
                          String actionId, String gatewayArn, JsonNode input) {
    public AuthRequest {
        tags = Map.copyOf(tags);
    }
}
