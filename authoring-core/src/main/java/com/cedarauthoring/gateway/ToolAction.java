package com.cedarauthoring.gateway;

import com.cedarauthoring.cedar.CedarSchema;
import com.cedarauthoring.cedar.CedarType;
/**
 * One tool of a gateway as a Cedar action: {@code <target>___<tool>} with its typed input record.
 */
public record ToolAction(String targetName, String toolName, String description, CedarType.RecordType input) {
    public static final String SEPARATOR = CedarSchema.ACTION_SEPARATOR;

    public ToolAction {
        description = description == null ? "" : description;
    }

    /** The Cedar action id, e.g. {@code RefundTarget___process_refund}. */
    public String actionId() {
        return targetName + SEPARATOR + toolName;
    }
}
