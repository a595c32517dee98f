package com.cedarauthoring.cedar;

import java.util.List;
import java.util.Optional;

/** The Cedar type of a tool input attribute, derived from its JSON Schema (cedar-conventions.md section 1). */
public sealed interface CedarType {

    /** Cedar schema syntax for this type, e.g. {@code Set<String>}. */
    String cedarSyntax();

    record StringType() implements CedarType {
        public String cedarSyntax() { return "String"; }
    }

    record LongType() implements CedarType {
        public String cedarSyntax() { return "Long"; }
    }

    record BoolType() implements CedarType {
        public String cedarSyntax() { return "Bool"; }
    }

    /** JSON Schema {@code number}: Cedar's {@code decimal} extension type (4 fractional digits). */
    record DecimalType() implements CedarType {
        public String cedarSyntax() { return "decimal"; }
    }

    record SetType(CedarType element) implements CedarType {
        public String cedarSyntax() { return "Set<" + element.cedarSyntax() + ">"; }
    }

    record RecordType(List<Attribute> attributes) implements CedarType {
        public RecordType {
            attributes = List.copyOf(attributes);
        }

        /** Attribute names are quoted and escaped, so any JSON property name is safe. */
        public String cedarSyntax() {
            StringBuilder sb = new StringBuilder("{");
            for (int i = 0; i < attributes.size(); i++) {
                Attribute a = attributes.get(i);
                sb.append(i == 0 ? "" : ", ").append(CedarSyntax.quote(a.name())).append(a.required() ? "" : "?")
                        .append(": ").append(a.type().cedarSyntax());
            }
            return sb.append('}').toString();
        }

        public Optional<Attribute> attribute(String name) {
            return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
        }
    }
}
