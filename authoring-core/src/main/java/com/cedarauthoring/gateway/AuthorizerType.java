package com.cedarauthoring.gateway;

/** The gateway's inbound authorizer; it decides the Cedar principal type. */
public enum AuthorizerType {
    CUSTOM_JWT("OAuthUser"), AWS_IAM("IamEntity"), NONE("OAuthUser");

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
