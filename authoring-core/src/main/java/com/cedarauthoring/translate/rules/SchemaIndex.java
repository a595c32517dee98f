package com.cedarauthoring.translate.rules;

import com.cedarauthoring.gateway.Attribute;
import com.cedarauthoring.gateway.CedarType;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.gateway.ToolAction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Pre-computed word stems of a gateway's tools and attributes, built once per schema. Immutable. */
final class SchemaIndex {

    /** One input attribute, possibly nested: {@code path} from {@code context.input}; {@code optional[i]} per segment. */
    record Attr(List<String> path, Attribute attribute, boolean[] optional, Set<String> nameStems, Set<String> descStems,
                List<String> nameWords) {
        String leaf() {
            return path.get(path.size() - 1);
        }

        String key() {
            return String.join(".", path);
        }
    }

    record Tool(ToolAction action, Set<String> nameStems, Set<String> descStems, Set<String> targetStems,
                List<Attr> attrs, List<String> nameWords) {}

    final GatewaySchema schema;
    final List<Tool> tools;
    final Set<String> allToolStems;

    SchemaIndex(GatewaySchema schema) {
        this.schema = schema;
        List<Tool> ts = new ArrayList<>();
        Set<String> all = new HashSet<>();
        for (ToolAction a : schema.actions()) {
            List<String> nameWords = Words.identifierWords(a.toolName());
            Set<String> name = stems(nameWords);
            Set<String> desc = stems(Words.textWords(a.description()));
            desc.removeAll(stems(List.copyOf(Words.STOP)));
            List<String> targetWords = new ArrayList<>(Words.identifierWords(a.targetName()));
            targetWords.remove("target");
            Set<String> target = stems(targetWords);
            List<Attr> attrs = new ArrayList<>();
            flatten(a.input(), List.of(), new boolean[0], attrs);
            ts.add(new Tool(a, name, desc, target, List.copyOf(attrs), nameWords));
            all.addAll(name);
        }
        this.tools = List.copyOf(ts);
        this.allToolStems = Set.copyOf(all);
    }

    private static void flatten(CedarType.RecordType rec, List<String> prefix, boolean[] opt, List<Attr> out) {
        if (rec == null) {
            return;
        }
        for (Attribute at : rec.attributes()) {
            List<String> path = new ArrayList<>(prefix);
            path.add(at.name());
            boolean[] o = java.util.Arrays.copyOf(opt, opt.length + 1);
            o[opt.length] = !at.required();
            List<String> words = new ArrayList<>();
            for (String p : path) {
                words.addAll(Words.identifierWords(p));
            }
            Set<String> desc = stems(Words.textWords(at.description()));
            desc.removeAll(stems(List.copyOf(Words.STOP)));
            out.add(new Attr(List.copyOf(path), at, o, stems(words), desc, words));
            if (at.type() instanceof CedarType.RecordType nested && prefix.size() < 4) {
                flatten(nested, path, o, out);
            }
        }
    }

    static Set<String> stems(List<String> words) {
        Set<String> s = new HashSet<>();
        for (String w : words) {
            s.add(Words.stem(w));
        }
        return s;
    }
}
