/**
 * The {@link com.cedarauthoring.translate.Translator} port; {@code rules} (embedded deterministic
 * translator) and {@code model} (LangChain4j Bedrock translator, prompts, repair loop, region pinning).
 */
package com.cedarauthoring.translate;
