package com.cedarauthoring.translate;

import com.cedarauthoring.gateway.GatewaySchema;

/**
 * What a translator gets: one requirement, the whole raw text it came from (for context only), and
 * the schema of the generation's gateway. The requirement text is data, never instructions.
 */
public record TranslationRequest(Requirement requirement, String rawText, GatewaySchema schema) {}
