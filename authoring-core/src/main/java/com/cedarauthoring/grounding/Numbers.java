package com.cedarauthoring.grounding;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the numbers of a requirement: digits with separators and multipliers, and number words. */
final class Numbers {
    private static final Pattern DIGITS = Pattern.compile(
            "(?<pre>\\$|€|£|¥|\\b(?:USD|EUR|GBP|JPY|CHF|CAD|AUD|INR|CNY)\\s?)?"
                    + "(?<![\\p{L}\\p{N}.,])(?<num>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:[.,]\\d+)?)(?![\\p{N}])"
                    + "(?:\\s?(?<mult>k|K|thousand|million|billion|mn|bn|m|M)\\b)?"
                    + "(?:\\s?(?<unit>dollars?|bucks|cents?|USD|EUR|GBP|JPY|CHF|CAD|AUD|INR|CNY|euros?|pounds?|yen"
                    + "|kg|kilograms?|kilos?|grams?|g|lbs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?"
                    + "|seconds?|secs?|percent|%|rows?|items?|entries|requests?|passengers?|km|miles?|cm|mb|gb)(?![\\p{L}\\p{N}]))?");
    private static final Map<String, Long> SMALL = Map.ofEntries(Map.entry("zero", 0L), Map.entry("one", 1L),
            Map.entry("two", 2L), Map.entry("three", 3L), Map.entry("four", 4L), Map.entry("five", 5L),
            Map.entry("six", 6L), Map.entry("seven", 7L), Map.entry("eight", 8L), Map.entry("nine", 9L),
            Map.entry("ten", 10L), Map.entry("eleven", 11L), Map.entry("twelve", 12L), Map.entry("thirteen", 13L),
            Map.entry("fourteen", 14L), Map.entry("fifteen", 15L), Map.entry("sixteen", 16L),
            Map.entry("seventeen", 17L), Map.entry("eighteen", 18L), Map.entry("nineteen", 19L),
            Map.entry("twenty", 20L), Map.entry("thirty", 30L), Map.entry("forty", 40L), Map.entry("fifty", 50L),
            Map.entry("sixty", 60L), Map.entry("seventy", 70L), Map.entry("eighty", 80L), Map.entry("ninety", 90L));
    private static final Map<String, Long> SCALES = Map.of("hundred", 100L, "thousand", 1_000L,
            "million", 1_000_000L, "billion", 1_000_000_000L);
    private static final Pattern WORDS = Pattern.compile("(?i)\\b(?:a\\s+|an\\s+)?(?:(?:zero|one|two|three|four|five|six|seven"
            + "|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
            + "|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion)(?:[\\s-]+(?:and\\s+)?|\\b))+");

    private static final Pattern WORD_UNIT = Pattern.compile("\\s+(dollars?|USD|EUR|GBP|euros?|pounds?)\\b");

    private Numbers() {}

    static List<NumberMention> find(String text) {
        List<NumberMention> out = new ArrayList<>();
        Matcher m = DIGITS.matcher(text);
        while (m.find()) {
            String num = m.group("num");
            String pre = m.group("pre") == null ? "" : m.group("pre").strip();
            String unit = m.group("unit") == null ? "" : m.group("unit");
            String mult = m.group("mult");
            if (mult != null && (mult.equals("m") || mult.equals("M")) && !pre.isEmpty() == false && unit.isEmpty()) {
                mult = null; // "5 m" without money is metres or minutes, not millions
            }
            long scale = mult == null ? 1 : switch (mult.toLowerCase(Locale.ROOT)) {
                case "k", "thousand" -> 1_000L;
                case "m", "mn", "million" -> 1_000_000L;
                default -> 1_000_000_000L;
            };
            List<BigDecimal> readings = readings(num).stream().map(r -> r.multiply(BigDecimal.valueOf(scale))).toList();
            String currency = !pre.isEmpty() ? Lexicon.currencyCode(pre) : Lexicon.currencyCode(unit);
            boolean money = !pre.isEmpty() || unit.matches("(?i)dollars?|bucks|cents?") || !currency.isEmpty();
            String otherUnit = money ? "" : unit.toLowerCase(Locale.ROOT);
            int end = mult == null && unit.isEmpty() ? m.end("num") : m.end();
            int start = m.group("pre") != null ? m.start("pre") : m.start("num");
            if (mult == null && !unit.isEmpty()) {
                end = m.end("unit");
            }
            out.add(new NumberMention(start, end, readings, money, currency, otherUnit));
        }
        Matcher w = WORDS.matcher(text);
        while (w.find()) {
            String phrase = w.group().strip();
            if (phrase.isEmpty() || phrase.equalsIgnoreCase("one") || phrase.matches("(?i)an?")) {
                continue; // "one of US, CA" is not a number
            }
            Long value = wordsValue(phrase);
            if (value != null) {
                int start = w.start();
                Matcher unit = WORD_UNIT.matcher(text).region(start + phrase.length(), text.length());
                boolean withUnit = unit.lookingAt();
                String currency = withUnit ? Lexicon.currencyCode(unit.group(1)) : "";
                boolean money = withUnit && (currency.length() > 0 || unit.group(1).toLowerCase(Locale.ROOT).startsWith("dollar"));
                out.add(new NumberMention(start, withUnit ? unit.end() : start + phrase.length(),
                        List.of(BigDecimal.valueOf(value)), money, currency, ""));
            }
        }
        return out;
    }

    /** "1.000" and "10.000" read as thousands or decimals; "1,5" as a decimal or a list. */
    private static List<BigDecimal> readings(String num) {
        if (num.matches("\\d{1,3}\\.\\d{3}")) {
            return List.of(new BigDecimal(num), new BigDecimal(num.replace(".", "")));
        }
        if (num.matches("\\d+,\\d{1,2}")) {
            return List.of(new BigDecimal(num.replace(',', '.')), new BigDecimal(num.replace(",", "")));
        }
        return List.of(new BigDecimal(num.replace(",", "")));
    }

    private static Long wordsValue(String phrase) {
        long total = 0;
        long current = 0;
        boolean any = false;
        for (String word : phrase.toLowerCase(Locale.ROOT).split("[\\s-]+")) {
            if (word.equals("and")) {
                continue;
            }
            if (word.equals("a") || word.equals("an")) {
                current = 1;
                continue;
            }
            Long small = SMALL.get(word);
            if (small != null) {
                current += small;
                any = true;
                continue;
            }
            Long scale = SCALES.get(word);
            if (scale == null) {
                return null;
            }
            any = true;
            if (scale == 100) {
                current = Math.max(current, 1) * 100;
            } else {
                total += Math.max(current, 1) * scale;
                current = 0;
            }
        }
        return any ? total + current : null;
    }
}
