package com.cedarauthoring.naming;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The ARNs this service mints, for its configured region and account. */
public record Arns(String region, String account) {
    private static final Pattern GATEWAY_ARN =
            Pattern.compile("^arn:aws[-a-z]*:bedrock-agentcore:([a-z0-9-]+):([0-9]{12}):gateway/(.+)$");

    private static final Pattern POLICY_ENGINE_ARN =
            Pattern.compile("^arn:aws[-a-z]*:bedrock-agentcore:([a-z0-9-]+):([0-9]{12}):policy-engine/([^/]+)$");

    public Arns {
        if (region == null || !region.matches("[a-z]{2}(-[a-z]+)+-[0-9]+")) {
            throw new IllegalArgumentException("not an AWS region: " + region);
        }
        if (account == null || !account.matches("[0-9]{12}")) {
            throw new IllegalArgumentException("account must be 12 digits: " + account);
        }
    }

    private String prefix() {
        return "arn:aws:bedrock-agentcore:" + region + ":" + account + ":";
    }

    public String gateway(String gatewayId) {
        return prefix() + "gateway/" + gatewayId;
    }

    public String policyEngine(String engineId) {
        return prefix() + "policy-engine/" + engineId;
    }

    public String policy(String engineId, String policyId) {
        return policyEngine(engineId) + "/policy/" + policyId;
    }

    public String policyGeneration(String engineId, String generationId) {
        return policyEngine(engineId) + "/policy-generation/" + generationId;
    }

    /** The gateway id of a gateway ARN of this region and account, if it is one. */
    public Optional<String> gatewayIdOf(String arn) {
        if (arn == null) {
            return Optional.empty();
        }
        Matcher m = GATEWAY_ARN.matcher(arn);
        if (!m.matches() || !m.group(1).equals(region) || !m.group(2).equals(account)) {
            return Optional.empty();
        }
        return Optional.of(m.group(3));
    }

    /** The policy engine id of a policy engine ARN of this region and account, if it is one. */
    public Optional<String> policyEngineIdOf(String arn) {
        if (arn == null) {
            return Optional.empty();
        }
        Matcher m = POLICY_ENGINE_ARN.matcher(arn);
        if (!m.matches() || !m.group(1).equals(region) || !m.group(2).equals(account)) {
            return Optional.empty();
        }
        return Optional.of(m.group(3));
    }
}
