package com.cedarauthoring.translate.rules;

import com.cedarauthoring.findings.Span;
import com.cedarauthoring.translate.Alignment;
import com.cedarauthoring.translate.Requirement;
import java.util.ArrayList;
import java.util.List;

/** Builds a candidate's {@link Alignment} from a reading: the words behind each part of the emitted policy. */
final class Alignments {
    private Alignments() {}

    static Alignment of(Requirement req, Reading r, Cond when, Cond unless, boolean forbid) {
        int offset = req.span().start();
        List<Alignment.Part> parts = new ArrayList<>();
        if (r.effectSpan() != null) {
            parts.add(new Alignment.Part(Alignment.Role.EFFECT, forbid ? "forbid" : "permit", List.of(span(offset, r.effectSpan()))));
        }
        int[] principalSpan = r.principalSpan() != null ? r.principalSpan() : r.effectSpan();
        for (Cond c : r.principal()) {
            leaves(c, principalSpan, offset, parts);
        }
        String action = CedarEmitter.action(r.action());
        if (r.action() instanceof ActionScope.AnyOf many) {
            for (var tool : many.tools()) {
                parts.add(new Alignment.Part(Alignment.Role.TOOL, tool.actionId(), List.of(span(offset, r.actionSpan()))));
            }
        } else {
            String target = r.action() instanceof ActionScope.One one ? one.tool().actionId()
                    : r.action() instanceof ActionScope.Target tg ? tg.name() : action;
            parts.add(new Alignment.Part(Alignment.Role.TOOL, target, List.of(span(offset, r.actionSpan()))));
        }
        if (when != null) {
            leaves(when, null, offset, parts);
        }
        if (unless != null) {
            leaves(unless, null, offset, parts);
        }
        return new Alignment(parts);
    }

    private static Span span(int offset, int[] local) {
        return new Span(offset + local[0], offset + local[1]);
    }

    /** Every atom of the tree with the span of the nearest enclosing source; presence guards are structural, not atoms. */
    private static void leaves(Cond c, int[] src, int offset, List<Alignment.Part> out) {
        if (c instanceof Cond.Sourced s) {
            leaves(s.inner(), new int[] {s.start(), s.end()}, offset, out);
        } else if (c instanceof Cond.And a) {
            a.parts().forEach(x -> leaves(x, src, offset, out));
        } else if (c instanceof Cond.Or o) {
            o.parts().forEach(x -> leaves(x, src, offset, out));
        } else if (c instanceof Cond.Not n) {
            leaves(n.inner(), src, offset, out);
        } else if (c instanceof Cond.Guard g) {
            leaves(g.body(), src, offset, out);
        } else if (c instanceof Cond.HasTag) {
            // the guard of a claim test
        } else if (src != null) {
            Alignment.Role role = c instanceof Cond.TagIs || c instanceof Cond.TagLike ? Alignment.Role.PRINCIPAL
                    : Alignment.Role.CONDITION;
            out.add(new Alignment.Part(role, CedarEmitter.cedar(c), List.of(span(offset, src))));
        }
    }
}
