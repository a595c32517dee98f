/**
 * The audit trail: an append-only, hash-chained log of every state change (who, when, what, which resource,
 * which statement). {@link com.cedarauthoring.audit.AuditTrail} is the port; the JDBC adapter keeps the chain
 * head in one locked row so concurrent appends serialise.
 */
package com.cedarauthoring.audit;
