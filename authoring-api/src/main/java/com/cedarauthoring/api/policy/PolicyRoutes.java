package com.cedarauthoring.api.policy;

import com.cedarauthoring.api.auth.Access;
import com.cedarauthoring.api.auth.Security;
import com.cedarauthoring.api.http.RequestBody;
import com.cedarauthoring.api.http.RouteModule;
import com.cedarauthoring.errors.ValidationException;
import com.cedarauthoring.identity.Principal;
import com.cedarauthoring.identity.Role;
import com.cedarauthoring.review.ReviewService;
import com.cedarauthoring.policy.DescriptionChange;
import com.cedarauthoring.policy.EnforcementMode;
import com.cedarauthoring.policy.NewPolicy;
import com.cedarauthoring.policy.Policy;
import com.cedarauthoring.policy.PolicyChange;
import com.cedarauthoring.policy.PolicyDefinition;
import com.cedarauthoring.api.tags.TagRoutes;
import com.cedarauthoring.policy.PolicyEngine;
import com.cedarauthoring.policy.PolicyEngineService;
import com.cedarauthoring.tags.TagService;
import com.cedarauthoring.tags.Tags;
import com.cedarauthoring.policy.PolicyService;
import com.cedarauthoring.policy.StatementKind;
import com.cedarauthoring.policy.ValidationMode;
import com.cedarauthoring.store.ClientToken;
import com.cedarauthoring.store.PageRequest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * AgentCore's policy engine and policy operations. Updates answer both {@code PATCH} (current model)
 * and {@code PUT} (preview model, still sent by SDK 2.40.x).
 *
 * <p>Admins manage engines and policies directly. CreatePolicy with {@code definition.policyGeneration} is
 * an approval of that asset, so it is open to reviewers and goes through {@link ReviewService} (four-eyes,
 * findings, approvals, audit); with a statement it needs admin.
 */
public final class PolicyRoutes implements RouteModule {
    private static final Pattern RESOURCE_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_]*-[a-z0-9_]{10}");
    private static final Set<String> DEFINITION_MEMBERS = Set.of("cedar", "policy", "policyGeneration");

    private final PolicyEngineService engines;
    private final PolicyService policies;
    private final TagService tags;
    private final ReviewService reviews;

    public PolicyRoutes(PolicyEngineService engines, PolicyService policies, TagService tags, ReviewService reviews) {
        this.engines = engines;
        this.policies = policies;
        this.tags = tags;
        this.reviews = reviews;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/policy-engines", this::createEngine, Access.ADMIN);
        routes.get("/policy-engines", ctx -> ctx.json(PolicyJson.enginePage(engines.list(page(ctx)))), Access.READ);
        routes.get("/policy-engines/{policyEngineId}", ctx -> ctx.json(PolicyJson.engine(engines.get(engineId(ctx)))),
                Access.READ);
        Handler updateEngine = this::updateEngine;
        routes.patch("/policy-engines/{policyEngineId}", updateEngine, Access.ADMIN);
        routes.put("/policy-engines/{policyEngineId}", updateEngine, Access.ADMIN);
        routes.delete("/policy-engines/{policyEngineId}", ctx -> {
            PolicyEngine deleted = engines.delete(Security.principal(ctx), engineId(ctx));
            tags.resourceDeleted(deleted.policyEngineArn());
            ctx.status(202).json(PolicyJson.engine(deleted));
        }, Access.ADMIN);

        // admin with a statement, reviewer with an asset (decided in the handler once the body is read)
        routes.post("/policy-engines/{policyEngineId}/policies", this::createPolicy, Access.ADMIN, Access.REVIEWER);
        routes.get("/policy-engines/{policyEngineId}/policies", this::listPolicies, Access.READ);
        routes.get("/policy-engines/{policyEngineId}/policies/{policyId}",
                ctx -> ctx.json(PolicyJson.policy(policies.get(engineId(ctx), policyId(ctx)))), Access.READ);
        Handler updatePolicy = this::updatePolicy;
        routes.patch("/policy-engines/{policyEngineId}/policies/{policyId}", updatePolicy, Access.ADMIN);
        routes.put("/policy-engines/{policyEngineId}/policies/{policyId}", updatePolicy, Access.ADMIN);
        routes.delete("/policy-engines/{policyEngineId}/policies/{policyId}",
                ctx -> ctx.status(202).json(PolicyJson.policy(policies.delete(Security.principal(ctx), engineId(ctx), policyId(ctx)))), Access.ADMIN);
    }

    private void createEngine(Context ctx) {
        RequestBody body = RequestBody.of(ctx);
        String name = body.requiredString("name");
        Optional<String> description = body.optionalString("description");
        Optional<String> encryptionKeyArn = body.optionalString("encryptionKeyArn");
        Optional<ClientToken> clientToken = ClientToken.of(body.optionalString(ClientToken.FIELD));
        // Tags are validated before the engine is created, so a bad tag creates nothing.
        Tags given = TagRoutes.tagsOf(body, "tags").orElse(Tags.none());
        PolicyEngine created = engines.create(Security.principal(ctx), name, description, encryptionKeyArn, given.values(),
                clientToken);
        tags.tagCreated(Security.principal(ctx), created.policyEngineArn(), given);
        ctx.status(202).json(PolicyJson.engine(created));
    }

    private void updateEngine(Context ctx) {
        String id = engineId(ctx);
        RequestBody body = RequestBody.of(ctx);
        ctx.status(202).json(PolicyJson.engine(engines.update(Security.principal(ctx), id, description(body))));
    }

    private void createPolicy(Context ctx) {
        String id = engineId(ctx);
        RequestBody body = RequestBody.of(ctx);
        String name = body.requiredString("name");
        PolicyDefinition definition = definition(body.requiredObject("definition"));
        NewPolicy request = new NewPolicy(name, definition, body.optionalString("description"),
                body.optionalEnum("validationMode", ValidationMode.class),
                body.optionalEnum("enforcementMode", EnforcementMode.class));
        Optional<ClientToken> clientToken = ClientToken.of(body.optionalString(ClientToken.FIELD));
        if (definition instanceof PolicyDefinition.FromGeneration) {
            Principal reviewer = Security.require(ctx, Role.REVIEWER, "create a policy from a generated asset (an approval)");
            Policy created = reviews.createFromAsset(id, request, clientToken, reviewer);
            ctx.status(202).json(PolicyJson.policy(created));
            return;
        }
        Principal admin = Security.require(ctx, Role.ADMIN, "create a policy from a statement");
        ctx.status(202).json(PolicyJson.policy(policies.create(admin, id, request, clientToken)));
    }

    private void listPolicies(Context ctx) {
        String id = engineId(ctx);
        PageRequest page = page(ctx);
        Optional<String> scope = Optional.ofNullable(ctx.queryParam("targetResourceScope"));
        ctx.json(PolicyJson.policyPage(policies.list(id, scope, page)));
    }

    private void updatePolicy(Context ctx) {
        String engineId = engineId(ctx);
        String policyId = policyId(ctx);
        RequestBody body = RequestBody.of(ctx);
        PolicyChange change = new PolicyChange(description(body),
                body.optionalObject("definition").map(PolicyRoutes::definition),
                body.optionalEnum("validationMode", ValidationMode.class),
                body.optionalEnum("enforcementMode", EnforcementMode.class));
        ctx.status(202).json(PolicyJson.policy(policies.update(Security.principal(ctx), engineId, policyId, change)));
    }

    /** The PolicyDefinition union: exactly one of cedar, policy, policyGeneration. */
    static PolicyDefinition definition(RequestBody definition) {
        List<String> present = new ArrayList<>();
        for (Iterator<String> it = definition.node().fieldNames(); it.hasNext(); ) {
            String member = it.next();
            if (!DEFINITION_MEMBERS.contains(member)) {
                throw ValidationException.field(definition.field(member),
                        "Unknown member of the PolicyDefinition union; expected exactly one of cedar, policy, policyGeneration");
            }
            if (!definition.node().get(member).isNull()) {
                present.add(member);
            }
        }
        if (present.size() != 1) {
            throw ValidationException.field("definition",
                    "Member must set exactly one of cedar, policy, policyGeneration (found " + present.size() + ")");
        }
        return switch (present.get(0)) {
            case "cedar" -> new PolicyDefinition.Statement(StatementKind.CEDAR,
                    definition.requiredObject("cedar").requiredString("statement"));
            case "policy" -> new PolicyDefinition.Statement(StatementKind.POLICY,
                    definition.requiredObject("policy").requiredString("statement"));
            default -> {
                RequestBody g = definition.requiredObject("policyGeneration");
                yield new PolicyDefinition.FromGeneration(g.requiredString("policyGenerationId"),
                        g.requiredString("policyGenerationAssetId"));
            }
        };
    }

    private static DescriptionChange description(RequestBody body) {
        RequestBody.DescriptionUpdate update = body.description("description");
        return switch (update.kind()) {
            case UNCHANGED -> DescriptionChange.UNCHANGED;
            case SET -> DescriptionChange.set(update.value());
            case UNSET -> DescriptionChange.unset();
        };
    }

    static PageRequest page(Context ctx) {
        return PageRequest.of(ctx.queryParam("maxResults"), ctx.queryParam("nextToken"));
    }

    static String engineId(Context ctx) {
        return resourceId("policyEngineId", ctx.pathParam("policyEngineId"));
    }

    static String policyId(Context ctx) {
        return resourceId("policyId", ctx.pathParam("policyId"));
    }

    private static String resourceId(String field, String value) {
        if (value.length() < 12 || value.length() > 59 || !RESOURCE_ID.matcher(value).matches()) {
            throw ValidationException.field(field, "Member must satisfy regular expression pattern: "
                    + RESOURCE_ID.pattern() + " and have length between 12 and 59, inclusive");
        }
        return value;
    }
}
