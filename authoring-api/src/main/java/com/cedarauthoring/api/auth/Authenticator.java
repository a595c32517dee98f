package com.cedarauthoring.api.auth;

import com.cedarauthoring.identity.Principal;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Establishes who sent a request. Empty means "no credentials of my kind" (the next authenticator may
 * know them, e.g. a console session cookie before SigV4); credentials of its kind that do not hold are an
 * {@link com.cedarauthoring.errors.AuthenticationException}.
 */
public interface Authenticator {
    Optional<Principal> authenticate(Context ctx);
}
