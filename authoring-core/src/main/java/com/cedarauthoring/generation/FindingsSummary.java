package com.cedarauthoring.generation;

import com.cedarauthoring.findings.Finding;
import com.cedarauthoring.findings.FindingType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * AgentCore's generation-level {@code findings} string (the model types it as a plain string and documents
 * no format): how many assets there are and how many carry each finding type, e.g.
 * {@code "3 assets: 2 VALID, 1 NOT_TRANSLATABLE"}. An asset counts once per type it carries, so the counts
 * can add up to more than the assets (an AMBIGUOUS asset is usually VALID too).
 */
public final class FindingsSummary {
    private FindingsSummary() {}

    public static String of(List<Asset> assets) {
        Map<FindingType, Integer> counts = new EnumMap<>(FindingType.class);
        for (Asset a : assets) {
            a.findings().stream().map(Finding::type).distinct().forEach(t -> counts.merge(t, 1, Integer::sum));
        }
        String head = assets.size() + (assets.size() == 1 ? " asset" : " assets");
        if (counts.isEmpty()) {
            return head;
        }
        return head + ": " + counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().name())
                .collect(Collectors.joining(", "));
    }
}
