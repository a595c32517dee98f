/**
 * The {@link com.cedarauthoring.translate.Translator} port and its composition: {@code Translators}
 * builds the configured translator at start-up ({@code rules}, {@code bedrock}, {@code hybrid}),
 * {@code HybridTranslator} cross-checks the model with the rules translator. Implementations live in
 * {@code rules} (embedded deterministic translator) and {@code model} (LangChain4j Bedrock translator,
 * prompts, repair loop, region pinning).
 */
package com.cedarauthoring.translate;
