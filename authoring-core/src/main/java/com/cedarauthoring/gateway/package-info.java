/**
 * Gateways, targets and tools; JSON Schema and OpenAPI to Cedar schema derivation.
 *
 * <p>{@link com.cedarauthoring.gateway.GatewayService} owns the AgentCore gateway and target operations
 * and implements {@link com.cedarauthoring.gateway.GatewayDirectory}, the port other features read
 * derived schemas through. {@link com.cedarauthoring.gateway.SchemaDeriver} turns tools into the schema
 * of cedar-conventions.md section 1; its class comment lists how JSON Schema maps and what is rejected.
 *
 * <p>Decisions: gateway and target names follow AgentCore ({@code ^([0-9a-zA-Z][-]?){1,100}$}), and a
 * target may not be called {@code CallTool} (the root action group). Tool names follow
 * {@code ^[a-zA-Z0-9_-]{1,64}$}. Two targets with one name, or two tools with one action id
 * {@code <target>___<tool>}, are a ConflictException. Untyped or unsupported JSON Schema types are a
 * ValidationException naming the property, never silently String.
 */
package com.cedarauthoring.gateway;
