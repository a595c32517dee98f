package com.cedarauthoring.grounding;

import java.math.BigDecimal;
import java.util.List;

/**
 * A number written in the requirement, normalised (cedar-conventions.md section 3: "$10k" is 10000,
 * "two thousand" is 2000).
 *
 * @param readings  the values it may mean: one, or two for "1.000" / "1,5" (section 5, numbers)
 * @param money     written as money ($, dollars, a currency)
 * @param currency  the ISO code of a named currency ("1000 USD", "EUR 20"), or ""
 * @param unit      another unit written after it (kg, minutes, percent...), or ""
 */
record NumberMention(int start, int end, List<BigDecimal> readings, boolean money, String currency, String unit) {
    NumberMention {
        readings = List.copyOf(readings);
    }

    boolean ambiguous() {
        return readings.size() > 1;
    }

    boolean means(BigDecimal value) {
        return readings.stream().anyMatch(r -> r.compareTo(value) == 0);
    }
}
