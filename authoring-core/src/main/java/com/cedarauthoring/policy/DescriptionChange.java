package com.cedarauthoring.policy;

/**
 * What an update does to a description: AgentCore's UpdatedDescription (absent = unchanged,
 * {@code {"optionalValue": v}} = set, {@code {}} = unset) and the preview's plain string (= set).
 */
public record DescriptionChange(boolean changes, String value) {
    public static final DescriptionChange UNCHANGED = new DescriptionChange(false, null);

    public static DescriptionChange set(String value) {
        return new DescriptionChange(true, value);
    }

    public static DescriptionChange unset() {
        return new DescriptionChange(true, null);
    }

    public String applyTo(String current) {
        return changes ? value : current;
    }
}
