package com.cedarauthoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.cedar.Cedar;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No dependency cycle between the top-level packages of authoring-core ({@code cedar}, {@code gateway},
 * {@code findings}...). Read from the compiled classes: every type a class mentions (fields, method
 * signatures, generics, calls, casts) is named in its constant pool, so nothing escapes the way a
 * fully qualified name escapes an import scan.
 */
class PackageCyclesTest {
    private static final Pattern OWN_TYPE = Pattern.compile("com/cedarauthoring/([a-z0-9_]+)/");

    @Test
    void topLevelPackagesFormNoCycle() throws Exception {
        Map<String, Set<String>> uses = packageGraph(classesRoot());
        assertThat(uses).containsKeys("cedar", "gateway", "translate", "findings");
        assertThat(cycles(uses)).as("package cycles in %s", uses).isEmpty();
    }

    @Test
    void theCheckFindsACycle() {
        Map<String, Set<String>> uses = new TreeMap<>(Map.of(
                "cedar", Set.of("json"), "gateway", Set.of("cedar", "store"), "store", Set.of("gateway"),
                "json", Set.of(), "a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a", "cedar")));
        assertThat(cycles(uses)).containsExactlyInAnyOrder(Set.of("gateway", "store"), Set.of("a", "b", "c"));
        assertThat(cycles(Map.of("cedar", Set.of("json"), "json", Set.of()))).isEmpty();
    }

    private static Path classesRoot() throws Exception {
        return Path.of(Cedar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Top-level package -> the other top-level packages its classes refer to. */
    private static Map<String, Set<String>> packageGraph(Path root) throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        Path base = root.resolve("com/cedarauthoring");
        try (Stream<Path> files = Files.walk(base)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                Path rel = base.relativize(f);
                if (rel.getNameCount() < 2) {
                    continue; // a class directly in com.cedarauthoring belongs to no feature package
                }
                String from = rel.getName(0).toString();
                Set<String> to = uses.computeIfAbsent(from, k -> new TreeSet<>());
                for (String s : utf8Constants(f)) {
                    Matcher m = OWN_TYPE.matcher(s);
                    while (m.find()) {
                        if (!m.group(1).equals(from)) {
                            to.add(m.group(1));
                        }
                    }
                }
            }
        }
        return uses;
    }

    /** The UTF-8 entries of a class file's constant pool (class names, descriptors, signatures, strings). */
    private static List<String> utf8Constants(Path classFile) throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(classFile); DataInputStream in = new DataInputStream(raw)) {
            in.readInt(); // magic
            in.readUnsignedShort(); // minor
            in.readUnsignedShort(); // major
            int count = in.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> out.add(in.readUTF());
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                    case 5, 6 -> {
                        in.skipNBytes(8);
                        i++; // eight-byte constants take two slots
                    }
                    case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                    case 15 -> in.skipNBytes(3);
                    default -> throw new IOException(classFile + ": unknown constant pool tag " + tag);
                }
            }
        }
        return out;
    }

    /** The strongly connected components with more than one package (Tarjan). */
    static List<Set<String>> cycles(Map<String, Set<String>> uses) {
        return new Tarjan(uses).run();
    }

    private static final class Tarjan {
        private final Map<String, Set<String>> uses;
        private final Map<String, Integer> index = new TreeMap<>();
        private final Map<String, Integer> low = new TreeMap<>();
        private final List<String> stack = new ArrayList<>();
        private final List<Set<String>> out = new ArrayList<>();

        Tarjan(Map<String, Set<String>> uses) {
            this.uses = uses;
        }

        List<Set<String>> run() {
            new TreeSet<>(uses.keySet()).forEach(v -> {
                if (!index.containsKey(v)) {
                    visit(v);
                }
            });
            return out;
        }

        private void visit(String v) {
            index.put(v, index.size());
            low.put(v, index.get(v));
            stack.add(v);
            for (String w : uses.getOrDefault(v, Set.of())) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (stack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                Set<String> component = new TreeSet<>();
                String w;
                do {
                    w = stack.remove(stack.size() - 1);
                    component.add(w);
                } while (!w.equals(v));
                if (component.size() > 1) {
                    out.add(component);
                }
            }
        }
    }
}
