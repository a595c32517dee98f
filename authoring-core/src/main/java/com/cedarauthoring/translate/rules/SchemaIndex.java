package com.cedarauthoring.translate.rules;

import com.cedarauthoring.cedar.Attribute;
import com.cedarauthoring.cedar.CedarType;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.gateway.ToolAction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Pre-computed word stems of a gateway's tools and attributes, built once per schema. Immutable. */
final class SchemaIndex {

    /**
     * One input attribute, possibly nested: {@code path} from {@code context.input}; {@code optional.get(i)} per segment.
     * {@code leafStems} are the stems of the attribute's own name (not its parents').
     */
    record Attr(List<String> path, Attribute attribute, List<Boolean> optional, Set<String> nameStems,
                Set<String> descStems, List<String> nameWords, Set<String> leafStems, List<String> descWords) {
        public Attr {
            path = List.copyOf(path);
            optional = List.copyOf(optional);
            nameStems = Set.copyOf(nameStems);
            descStems = Set.copyOf(descStems);
            nameWords = List.copyOf(nameWords);
            leafStems = Set.copyOf(leafStems);
            descWords = List.copyOf(descWords);
        }

        String leaf() {
            return path.get(path.size() - 1);
        }

        String key() {
            return String.join(".", path);
        }

        boolean numeric() {
            return attribute.type() instanceof CedarType.LongType || attribute.type() instanceof CedarType.DecimalType;
        }

        /** Name or description is about money (section 5's unit rule). */
        boolean money() {
            return nameWords.stream().anyMatch(Lexicon.MONEY_WORDS::contains)
                    || descWords.stream().anyMatch(w -> Lexicon.MONEY_WORDS.contains(w) && !w.equals("value") && !w.equals("limit"));
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
            List<String> nameWords = Stems.identifierWords(a.toolName());
            Set<String> name = stems(nameWords);
            Set<String> desc = stems(Stems.textWords(a.description()));
            desc.removeAll(stems(List.copyOf(Lexicon.STOP)));
            List<String> targetWords = new ArrayList<>(Stems.identifierWords(a.targetName()));
            targetWords.remove("target");
            Set<String> target = stems(targetWords);
            List<Attr> attrs = new ArrayList<>();
            flatten(a.input(), List.of(), List.of(), attrs);
            ts.add(new Tool(a, name, desc, target, List.copyOf(attrs), nameWords));
            all.addAll(name);
        }
        this.tools = List.copyOf(ts);
        this.allToolStems = Set.copyOf(all);
    }

    private static void flatten(CedarType.RecordType rec, List<String> prefix, List<Boolean> opt, List<Attr> out) {
        if (rec == null) {
            return;
        }
        for (Attribute at : rec.attributes()) {
            List<String> path = new ArrayList<>(prefix);
            path.add(at.name());
            List<Boolean> o = new ArrayList<>(opt);
            o.add(!at.required());
            List<String> words = new ArrayList<>();
            for (String p : path) {
                words.addAll(Stems.identifierWords(p));
            }
            List<String> descWords = Stems.textWords(at.description());
            Set<String> desc = stems(descWords);
            desc.removeAll(stems(List.copyOf(Lexicon.STOP)));
            out.add(new Attr(path, at, o, stems(words), desc, words, stems(Stems.identifierWords(at.name())), descWords));
            if (at.type() instanceof CedarType.RecordType nested && prefix.size() < 4) {
                flatten(nested, path, o, out);
            }
        }
    }

    static Set<String> stems(List<String> words) {
        Set<String> s = new HashSet<>();
        for (String w : words) {
            s.add(Stems.stem(w));
        }
        return s;
    }
}
