package com.cedarauthoring.bench;

import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.model.ValidationRequest;
import com.cedarpolicy.model.ValidationResponse;
import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.model.policy.Policy;
import com.cedarpolicy.model.policy.PolicySet;
import com.cedarpolicy.model.schema.Schema;
import com.cedarpolicy.value.CedarList;
import com.cedarpolicy.value.CedarMap;
import com.cedarpolicy.value.EntityTypeName;
import com.cedarpolicy.value.EntityUID;
import com.cedarpolicy.value.PrimBool;
import com.cedarpolicy.value.PrimLong;
import com.cedarpolicy.value.PrimString;
import com.cedarpolicy.value.Value;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The floor under a generation: bare cedar-java, in this JVM, for the very policies the service generated
 * (read back over HTTP): parse each, strictly validate it against the gateway's schema, and evaluate its
 * decision examples (without request validation), as many calls as the service makes. No HTTP, store, jobs, translation, analysis or
 * explanation: the difference to the measured figure is the service's own cost.
 */
final class Floor {
    private final BasicAuthorizationEngine engine = new BasicAuthorizationEngine();
    private final Schema schema;
    private final List<List<Item>> generations = new ArrayList<>();

    /** One generated policy and its example requests. */
    private record Item(String cedar, List<Example> requests) {}

    /** One example request and its principal (examples differ in the principal's tags). */
    private record Example(AuthorizationRequest request, Set<Entity> entities) {}

    /**
     * @param schemaJson the gateway's schema as {@code GET /gateways/{id}/schema} answers it ({@code json})
     * @param assetLists per generation, its {@code policyGenerationAssets}
     */
    Floor(JsonNode schemaJson, List<JsonNode> assetLists) throws Exception {
        this.schema = Schema.parse(Schema.JsonOrCedar.Json, Api.JSON.writeValueAsString(schemaJson));
        for (JsonNode assets : assetLists) {
            List<Item> items = new ArrayList<>();
            for (JsonNode a : assets) {
                String cedar = a.at("/definition/cedar/statement").asText(null);
                if (cedar == null) {
                    continue;
                }
                List<Example> requests = new ArrayList<>();
                for (JsonNode e : a.path("examples")) {
                    JsonNode r = e.get("request");
                    EntityUID principal = EntityTypeName.parse("AgentCore::" + r.get("principalType").asText()).get()
                            .of(r.get("principalId").asText());
                    Map<String, Value> tags = new HashMap<>();
                    r.path("tags").fields().forEachRemaining(t -> tags.put(t.getKey(), new PrimString(t.getValue().asText())));
                    Set<Entity> entities = Set.of(new Entity(principal, new HashMap<>(), Set.of(), tags));
                    EntityUID action = EntityUID.parse("AgentCore::Action::\"" + r.get("actionId").asText() + "\"").get();
                    EntityUID resource = EntityTypeName.parse("AgentCore::Gateway").get().of(r.get("gatewayArn").asText());
                    Map<String, Value> context = Map.of("input", value(r.get("input")));
                    // Without request/entity validation against the schema: a floor may only be lower than
                    // what the service pays, never higher.
                    requests.add(new Example(new AuthorizationRequest(principal, action, resource, Optional.of(context),
                            Optional.empty(), false), entities));
                }
                items.add(new Item(cedar, requests));
            }
            generations.add(items);
        }
    }

    /** The floor of CreatePolicy: parse and strictly validate each statement (no examples). */
    static Floor ofStatements(JsonNode schemaJson, List<String> statements) throws Exception {
        List<JsonNode> lists = new ArrayList<>();
        for (String s : statements) {
            com.fasterxml.jackson.databind.node.ArrayNode one = Api.JSON.createArrayNode();
            one.addObject().putObject("definition").putObject("cedar").put("statement", s);
            lists.add(one);
        }
        return new Floor(schemaJson, lists);
    }

    /**
     * The floor of the generations of {@code engineId} (up to {@code max}, oldest first), read back over
     * HTTP with the gateway's schema.
     */
    static Floor ofGenerations(Api api, String engineId, String gatewayId, int max) throws Exception {
        JsonNode schemaJson = api.get("/gateways/" + gatewayId + "/schema").get("json");
        JsonNode page = api.get("/policy-engines/" + engineId + "/policy-generations?maxResults=" + Math.min(max, 100));
        List<JsonNode> lists = new ArrayList<>();
        for (JsonNode g : page.path("policyGenerations")) {
            lists.add(api.get("/policy-engines/" + engineId + "/policy-generations/" + g.get("policyGenerationId").asText()
                    + "/assets?maxResults=100").path("policyGenerationAssets"));
        }
        return new Floor(schemaJson, lists);
    }

    /** Nanoseconds per generation, each generation's policies run once, after one warm-up pass. */
    long[] measure() throws Exception {
        for (List<Item> g : generations) {
            run(g);
        }
        long[] samples = new long[generations.size()];
        for (int i = 0; i < samples.length; i++) {
            long t0 = System.nanoTime();
            run(generations.get(i));
            samples[i] = System.nanoTime() - t0;
        }
        return samples;
    }

    int evaluationsPerGeneration() {
        return generations.isEmpty() ? 0 : generations.get(0).stream().mapToInt(i -> i.requests().size()).sum();
    }

    private void run(List<Item> generation) throws Exception {
        for (Item item : generation) {
            Policy policy = Policy.parseStaticPolicy(item.cedar());
            PolicySet set = new PolicySet(Set.of(new Policy(policy.getSource(), "p0")));
            ValidationResponse v = engine.validate(new ValidationRequest(schema, set));
            if (!v.validationPassed()) {
                throw new IllegalStateException("a generated policy fails validation in the floor: " + item.cedar());
            }
            for (Example e : item.requests()) {
                AuthorizationResponse response = engine.isAuthorized(e.request(), set, e.entities());
                if (response.type != AuthorizationResponse.SuccessOrFailure.Success) {
                    throw new IllegalStateException("example request failed in the floor: " + response.errors);
                }
            }
        }
    }

    private static Value value(JsonNode n) {
        if (n.isIntegralNumber()) {
            return new PrimLong(n.asLong());
        }
        if (n.isBoolean()) {
            return new PrimBool(n.asBoolean());
        }
        if (n.isArray()) {
            CedarList list = new CedarList();
            n.forEach(e -> list.add(value(e)));
            return list;
        }
        if (n.isObject()) {
            CedarMap map = new CedarMap();
            n.fields().forEachRemaining(e -> map.put(e.getKey(), value(e.getValue())));
            return map;
        }
        return new PrimString(n.asText());
    }
}
