/**
 * Persistence: the database (H2 file or PostgreSQL, Flyway migrations), the one transaction port
 * ({@link com.cedarauthoring.store.Transactions}), JDBC helpers, clientToken idempotency, pagination.
 */
package com.cedarauthoring.store;
