package com.cedarauthoring.policy;

/** AgentCore's PolicyEngineStatus and PolicyStatus: the two enums have the same values, so one type serves both. */
public enum PolicyStatus { CREATING, ACTIVE, UPDATING, DELETING, CREATE_FAILED, UPDATE_FAILED, DELETE_FAILED }
