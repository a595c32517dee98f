package com.cedarauthoring.translate.rules;

import com.cedarauthoring.gateway.ToolAction;
import java.util.List;

/** The action scope of a reading: every tool, one tool, several tools, or a whole target. */
sealed interface ActionScope {
    record All() implements ActionScope {}

    record One(ToolAction tool) implements ActionScope {}

    record AnyOf(List<ToolAction> tools) implements ActionScope {
        public AnyOf {
            tools = List.copyOf(tools);
        }
    }

    record Target(String name) implements ActionScope {}

    static ActionScope of(List<SchemaIndex.Tool> tools) {
        return tools.size() == 1 ? new One(tools.get(0).action())
                : new AnyOf(tools.stream().map(SchemaIndex.Tool::action).toList());
    }
}
