package com.cedarauthoring.api.auth;

import com.cedarauthoring.identity.Principal;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SigV4 over the received Javalin request: the raw path and query, every header, the body bytes. */
public final class SigV4Authenticator implements Authenticator {
    private final SigV4Verifier verifier;

    public SigV4Authenticator(SigV4Verifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public Optional<Principal> authenticate(Context ctx) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            headers.computeIfAbsent(name, n -> new ArrayList<>()).addAll(Collections.list(ctx.req().getHeaders(name)));
        }
        SignedHttpRequest request = new SignedHttpRequest(ctx.method().name(), ctx.req().getRequestURI(),
                ctx.req().getQueryString(), headers, ctx.bodyAsBytes());
        return Optional.of(verifier.verify(request));
    }
}
