package com.cedarauthoring.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one configured JSON mapper (cedar-java's CedarJson pattern): ISO-8601 instants, no nulls. */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_ABSENT)
            .build();

    private Json() {}

    /** A shared, thread-safe mapper. Do not reconfigure it; use {@link #copy()} for variants. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ObjectMapper copy() {
        return MAPPER.copy();
    }
}
