/** Gateways, targets and tools; JSON Schema and OpenAPI to Cedar schema derivation. */
package com.cedarauthoring.gateway;
