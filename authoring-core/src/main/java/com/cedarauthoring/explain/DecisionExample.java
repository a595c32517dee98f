package com.cedarauthoring.explain;

import com.cedarauthoring.cedar.AuthRequest;

/** A concrete request and the decision the policy gives it, with a one-line description for reviewers. */
public record DecisionExample(String description, AuthRequest request, boolean allowed) {}
