package com.cedarauthoring.cedar.est;

import java.util.List;

/**
 * One Cedar policy as typed, immutable data: effect, the three scopes and the condition clauses.
 * Built once by {@link EstReader}; readers never walk EST JSON by string keys.
 */
public record PolicyView(Effect effect, Scope principal, ActionScope action, Scope resource,
                         List<Clause> conditions) {
    public PolicyView {
        if (effect == null || principal == null || action == null || resource == null) {
            throw new IllegalArgumentException("a policy has an effect and three scopes");
        }
        conditions = List.copyOf(conditions);
    }

    public enum Effect { PERMIT, FORBID }

    /** {@code type::"id"}. */
    public record EntityRef(String type, String id) {
        public String cedar() {
            return type + "::\"" + id.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }

    /** The principal or resource scope. */
    public sealed interface Scope {
        /** The entity of {@code == E} or {@code in E}; empty for any other scope. */
        default java.util.Optional<EntityRef> scopeEntity() {
            if (this instanceof Eq eq) {
                return java.util.Optional.of(eq.entity());
            }
            return this instanceof In in ? java.util.Optional.of(in.entity()) : java.util.Optional.empty();
        }

        /** Bare {@code principal} / {@code resource}. */
        record Any() implements Scope {}

        /** {@code == E}. */
        record Eq(EntityRef entity) implements Scope {}

        /** {@code in E}. */
        record In(EntityRef entity) implements Scope {}

        /** {@code is T} (optionally {@code is T in E}). */
        record Is(String entityType) implements Scope {}

        /** Anything else, by its EST operator. */
        record Other(String op) implements Scope {}
    }

    /** The action scope. */
    public sealed interface ActionScope {
        /** The ids this scope names (actions, or the group of {@code in G}), in order; empty for any other. */
        default List<String> ids() {
            if (this instanceof Eq eq) {
                return List.of(eq.action().id());
            }
            if (this instanceof InList list) {
                return list.actions().stream().map(EntityRef::id).toList();
            }
            return this instanceof InGroup g ? List.of(g.group().id()) : List.of();
        }

        /** Bare {@code action}: every action. */
        record Any() implements ActionScope {}

        /** {@code action == A}. */
        record Eq(EntityRef action) implements ActionScope {}

        /** {@code action in [A, B]}. */
        record InList(List<EntityRef> actions) implements ActionScope {
            public InList {
                actions = List.copyOf(actions);
            }
        }

        /** {@code action in G} (an action group, e.g. a whole target). */
        record InGroup(EntityRef group) implements ActionScope {}

        /** Anything else, by its EST operator. */
        record Other(String op) implements ActionScope {}
    }

    /** A {@code when} or {@code unless} clause. */
    public record Clause(boolean unless, Expr body) {}
}
