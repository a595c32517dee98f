package com.cedarauthoring.api.generation;

import com.cedarauthoring.api.auth.Access;
import com.cedarauthoring.api.auth.Security;
import com.cedarauthoring.api.http.RequestBody;
import com.cedarauthoring.api.http.RouteModule;
import com.cedarauthoring.errors.ValidationException;
import com.cedarauthoring.generation.GenerationService;
import com.cedarauthoring.generation.StartGeneration;
import com.cedarauthoring.review.ReviewState;
import com.cedarauthoring.store.ClientToken;
import com.cedarauthoring.store.PageRequest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/** StartPolicyGeneration (202), GetPolicyGeneration, ListPolicyGenerations, ListPolicyGenerationAssets. */
public final class GenerationRoutes implements RouteModule {
    private static final Pattern RESOURCE_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_]*-[a-z0-9_]{10}");
    private static final String BASE = "/policy-engines/{policyEngineId}/policy-generations";

    private final GenerationService generations;
    private final Function<String, Map<String, ReviewState>> reviewStates;

    /** Without review: assets carry no {@code review} member. */
    public GenerationRoutes(GenerationService generations) {
        this(generations, null);
    }

    /** @param reviewStates review state of the reviewed assets of a generation, by asset id */
    public GenerationRoutes(GenerationService generations, Function<String, Map<String, ReviewState>> reviewStates) {
        this.generations = generations;
        this.reviewStates = reviewStates;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post(BASE, this::start, Access.AUTHOR);
        routes.get(BASE, ctx -> ctx.json(GenerationJson.generationPage(generations.list(engineId(ctx), page(ctx)))),
                Access.READ);
        routes.get(BASE + "/{policyGenerationId}",
                ctx -> ctx.json(GenerationJson.generation(generations.get(engineId(ctx), generationId(ctx)))), Access.READ);
        routes.get(BASE + "/{policyGenerationId}/assets", ctx -> {
            String generationId = generationId(ctx);
            var page = generations.assets(engineId(ctx), generationId, page(ctx));
            Map<String, ReviewState> states = reviewStates == null ? null : reviewStates.apply(generationId);
            ctx.json(GenerationJson.assetPage(page, states));
        }, Access.READ);
    }

    private void start(Context ctx) {
        String engineId = engineId(ctx);
        RequestBody body = RequestBody.of(ctx);
        String name = body.requiredString("name");
        String rawText = body.requiredObject("content").requiredString("rawText");
        String arn = body.requiredObject("resource").requiredString("arn", 20, 1011);
        var clientToken = ClientToken.of(body.optionalString(ClientToken.FIELD));
        ctx.status(202).json(GenerationJson.generation(
                generations.start(new StartGeneration(engineId, name, arn, rawText, clientToken,
                        Security.principal(ctx).name()))));
    }

    private static PageRequest page(Context ctx) {
        return PageRequest.of(ctx.queryParam("maxResults"), ctx.queryParam("nextToken"));
    }

    private static String engineId(Context ctx) {
        return resourceId("policyEngineId", ctx.pathParam("policyEngineId"));
    }

    private static String generationId(Context ctx) {
        return resourceId("policyGenerationId", ctx.pathParam("policyGenerationId"));
    }

    private static String resourceId(String field, String value) {
        if (value.length() < 12 || value.length() > 59 || !RESOURCE_ID.matcher(value).matches()) {
            throw ValidationException.field(field, "Member must satisfy regular expression pattern: "
                    + RESOURCE_ID.pattern() + " and have length between 12 and 59, inclusive");
        }
        return value;
    }
}
