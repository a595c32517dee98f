/**
 * The embedded deterministic translator: a lexer, a parser for the controlled language of
 * cedar-conventions.md section 3 producing a small condition AST, and a Cedar emitter. Only
 * {@link com.cedarauthoring.translate.rules.RulesTranslator} is public.
 */
package com.cedarauthoring.translate.rules;
