package com.cedarauthoring.translate;

/**
 * The port every translator implements (rules, Bedrock, hybrid). A translator only proposes Cedar;
 * the generation pipeline checks every candidate the same way whichever translator made it.
 */
public interface Translator {

    /** Short name recorded in provenance: {@code rules}, {@code bedrock}, {@code hybrid}. */
    String name();

    /**
     * Proposes policies for one requirement. Must not throw for bad input or bad model output; those
     * are candidates with findings. Infrastructure failures are {@link TranslationOutcome.Failed}.
     */
    TranslationOutcome translate(TranslationRequest request);
}
