package com.cedarauthoring.review;

/** What a reviewer decides about an asset. */
public enum ReviewDecision { APPROVE, REJECT, REQUEST_CHANGES }
