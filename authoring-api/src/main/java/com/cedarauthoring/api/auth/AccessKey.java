package com.cedarauthoring.api.auth;

import com.cedarauthoring.identity.Principal;
import java.util.Objects;

/** One entry of the credentials file. {@link #toString} leaves the secret out, so it never reaches a log. */
public record AccessKey(String accessKeyId, String secretAccessKey, Principal principal) {
    public AccessKey {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(principal, "principal");
    }

    @Override
    public String toString() {
        return "AccessKey[" + accessKeyId + " -> " + principal.name() + " " + principal.roles() + "]";
    }
}
