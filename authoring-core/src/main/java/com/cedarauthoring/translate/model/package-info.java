/**
 * The Amazon Bedrock model translator: configuration, region pinning, versioned prompts, lenient
 * output parsing, scope checks and the validator-driven repair loop. The only package that imports
 * LangChain4j or the AWS SDK.
 */
package com.cedarauthoring.translate.model;
