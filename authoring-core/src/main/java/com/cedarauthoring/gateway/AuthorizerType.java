package com.cedarauthoring.gateway;

/**
 * The gateway's inbound authorizer; it decides the Cedar principal type. {@code AUTHENTICATE_ONLY} (GA model)
 * authenticates the caller's JWT without authorizing at the authorizer, so callers are OAuth users whose
 * claims are tags, as with {@code CUSTOM_JWT}.
 */
public enum AuthorizerType {
    CUSTOM_JWT("OAuthUser"), AWS_IAM("IamEntity"), NONE("OAuthUser"), AUTHENTICATE_ONLY("OAuthUser");

    private final String principalEntity;

    AuthorizerType(String principalEntity) {
        this.principalEntity = principalEntity;
    }

    /** Unqualified entity type name of callers, e.g. {@code OAuthUser}. */
    public String principalEntity() {
        return principalEntity;
    }

    /** JWT claims are tags; IAM callers have none. */
    public boolean principalHasTags() {
        return this != AWS_IAM;
    }
}
