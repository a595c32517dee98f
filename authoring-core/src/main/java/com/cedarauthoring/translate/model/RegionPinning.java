package com.cedarauthoring.translate.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Data residency: inference stays in the geography of the service region (seed document 004: EU
 * requests are processed in the EU, US in the US, APAC in APAC).
 *
 * <p>Region to geography table:
 * <pre>
 *   us-*   (us-east-1, us-east-2, us-west-1, us-west-2)  -> US    profiles "us."
 *   eu-*   (eu-central-1, eu-west-1, eu-west-3, eu-north-1, eu-south-2 ...) -> EU  profiles "eu."
 *   ap-*   (ap-northeast-1, ap-south-1, ap-southeast-2 ...) -> APAC  profiles "apac."
 *   us-gov-*       refused: GovCloud is a separate partition with its own profiles
 *   ca-*, sa-*, me-*, af-*, il-*, mx-*, cn-*, anything else   refused: not placed in US, EU or APAC
 * </pre>
 * Accepted model ids: a foundation model id without a geography prefix (invoked in the service
 * region itself), or a cross-region inference profile of the same geography. Refused: profiles of
 * another geography, {@code global.} profiles (may route anywhere) and the narrower country profiles
 * ({@code jp.}, {@code au.}, {@code ca.}...) whose routing we do not vouch for. ARNs are refused: they
 * can name application inference profiles whose routing the id does not show.
 */
public final class RegionPinning {

    public enum Geography {
        US("us."), EU("eu."), APAC("apac.");

        private final String profilePrefix;

        Geography(String profilePrefix) {
            this.profilePrefix = profilePrefix;
        }

        public String profilePrefix() {
            return profilePrefix;
        }
    }

    /** A model id accepted for a region: what to invoke and where. */
    public record Pinned(String region, Geography geography, String modelId, boolean inferenceProfile) {}

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+");
    // First segments that mark an inference profile rather than a model provider.
    private static final Set<String> PROFILE_PREFIXES = Set.of("us", "eu", "apac", "global", "us-gov", "jp", "au",
            "ca", "apne", "sa", "me", "af", "il", "mx", "cn", "uk", "in");

    private RegionPinning() {}

    /** The geography of a region, if it is one we can place. */
    public static Optional<Geography> geographyOf(String region) {
        if (region == null || !REGION.matcher(region).matches() || region.startsWith("us-gov-")) {
            return Optional.empty();
        }
        if (region.startsWith("us-")) {
            return Optional.of(Geography.US);
        }
        if (region.startsWith("eu-")) {
            return Optional.of(Geography.EU);
        }
        if (region.startsWith("ap-")) {
            return Optional.of(Geography.APAC);
        }
        return Optional.empty();
    }

    /**
     * Checks a model id against the service region at start-up.
     *
     * @throws IllegalArgumentException naming the region, its geography and the allowed prefixes
     */
    public static Pinned pin(String region, String modelId) {
        String id = modelId == null ? "" : modelId.strip();
        if (id.isEmpty()) {
            throw new IllegalArgumentException("a model id is required for the Bedrock translator");
        }
        Geography geo = geographyOf(region).orElseThrow(() -> new IllegalArgumentException(
                "region " + region + " is not placed in a geography we keep inference in (US: us-*, EU: eu-*, "
                        + "APAC: ap-*); the Bedrock translator is refused there to keep data residency"));
        String allowed = "a foundation model id without prefix (invoked in " + region + ") or an inference "
                + "profile starting with \"" + geo.profilePrefix() + "\"";
        if (id.startsWith("arn:")) {
            throw new IllegalArgumentException("model id " + id + " is an ARN; region " + region + " is in geography "
                    + geo + ", allowed: " + allowed);
        }
        int dot = id.indexOf('.');
        if (dot <= 0 || dot == id.length() - 1) {
            throw new IllegalArgumentException("model id " + id + " is not a Bedrock model id (provider.model); region "
                    + region + " is in geography " + geo + ", allowed: " + allowed);
        }
        String first = id.substring(0, dot).toLowerCase(Locale.ROOT);
        if (!PROFILE_PREFIXES.contains(first)) {
            return new Pinned(region, geo, id, false);
        }
        if ((first + ".").equals(geo.profilePrefix()) && id.indexOf('.', dot + 1) > dot + 1) {
            return new Pinned(region, geo, id, true);
        }
        Optional<Geography> other = java.util.Arrays.stream(Geography.values())
                .filter(g -> g.profilePrefix().equals(first + ".")).findFirst();
        String why = first.equals("global") ? "a global profile may route inference to any geography"
                : other.map(g -> "profile prefix \"" + first + ".\" routes inference within geography " + g)
                .orElse("profile prefix \"" + first + ".\" is not one we keep within " + geo);
        throw new IllegalArgumentException("model id " + id + " refused: region " + region + " is in geography "
                + geo + " and " + why + "; allowed: " + allowed);
    }

    /** The prefixes accepted for a geography, for documentation and messages. */
    public static List<String> allowedPrefixes(Geography geo) {
        return List.of(geo.profilePrefix());
    }
}
