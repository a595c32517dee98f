package com.cedarauthoring.generation;

import com.cedarauthoring.translate.Requirement;
import java.util.List;

/** First pipeline stage: cuts the raw text into requirements, each with its exact text and span. */
@FunctionalInterface
public interface Splitter {
    List<Requirement> split(String rawText);
}
