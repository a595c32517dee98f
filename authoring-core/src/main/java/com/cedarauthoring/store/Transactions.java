package com.cedarauthoring.store;

import java.util.function.Supplier;

/**
 * The one transaction port: services and stores that must change several rows atomically run that
 * work here. Nested calls join the outer transaction; any exception rolls the whole of it back.
 */
@FunctionalInterface
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);
}
