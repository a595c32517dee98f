/** Persistence: the database (H2 file or PostgreSQL, Flyway migrations), JDBC helpers, pagination. */
package com.cedarauthoring.store;
