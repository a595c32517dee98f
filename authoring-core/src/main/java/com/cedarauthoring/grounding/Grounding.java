package com.cedarauthoring.grounding;

import com.cedarauthoring.cedar.Attribute;
import com.cedarauthoring.cedar.CedarType;
import com.cedarauthoring.cedar.est.PolicyView;
import com.cedarauthoring.findings.Finding;
import com.cedarauthoring.findings.FindingCode;
import com.cedarauthoring.findings.Span;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.gateway.ToolAction;
import com.cedarauthoring.translate.Alignment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The state one grounding run shares between its steps: the text, the policy, findings and evidence. */
final class Grounding {
    final RequirementText text;
    final PolicyView policy;
    final GatewaySchema schema;
    final List<ToolAction> tools;
    final List<Atom> atoms;
    final List<PolicyView.Effect> siblingEffects;
    private final Map<String, Finding> findings = new LinkedHashMap<>();
    private final List<Alignment.Part> parts = new ArrayList<>();

    Grounding(RequirementText text, PolicyView policy, GatewaySchema schema, List<ToolAction> tools,
              List<PolicyView.Effect> siblingEffects) {
        this.text = text;
        this.policy = policy;
        this.schema = schema;
        this.tools = List.copyOf(tools);
        this.atoms = Atoms.of(policy);
        this.siblingEffects = List.copyOf(siblingEffects);
    }

    /** Records a finding; one per code, the first wins (its words are the first the reader meets). */
    void flag(FindingCode code, String description, Span span) {
        findings.putIfAbsent(code.name(), code.finding(description, span));
    }

    /** Records a finding that is not a grounding code (the analyser's constant-condition types). */
    void flag(Finding finding) {
        findings.putIfAbsent(finding.type() + "/" + finding.code(), finding);
    }

    void evidence(Alignment.Role role, String target, List<Span> spans) {
        if (!spans.isEmpty()) {
            parts.add(new Alignment.Part(role, target, spans));
        }
    }

    List<Finding> findings() {
        return List.copyOf(findings.values());
    }

    Alignment alignment() {
        return new Alignment(parts);
    }

    /** The attribute at an input path in the first tool of the scope that has it. */
    Optional<Attribute> attribute(List<String> path) {
        for (ToolAction tool : tools) {
            Optional<Attribute> a = lookup(tool.input(), path);
            if (a.isPresent()) {
                return a;
            }
        }
        return Optional.empty();
    }

    private static Optional<Attribute> lookup(CedarType.RecordType record, List<String> path) {
        Optional<Attribute> a = record.attribute(path.get(0));
        if (a.isEmpty() || path.size() == 1) {
            return a;
        }
        return a.get().type() instanceof CedarType.RecordType r ? lookup(r, path.subList(1, path.size())) : Optional.empty();
    }

    /** Top-level attributes of the tools in scope (deduplicated by name). */
    List<Attribute> attributes() {
        Map<String, Attribute> out = new LinkedHashMap<>();
        for (ToolAction t : tools) {
            t.input().attributes().forEach(a -> out.putIfAbsent(a.name(), a));
        }
        return List.copyOf(out.values());
    }
}
