package com.cedarauthoring.store.contract;

import com.cedarauthoring.store.Database;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the store contract suites: each suite states what a store port promises, and runs unchanged
 * against every engine the service supports ({@link H2StoreContractTest}, {@link PostgresStoreContractTest}).
 * Every test starts from empty tables.
 */
abstract class StoreContract {
    /** Children before parents. */
    private static final List<String> TABLES = List.of("test_suites", "policy_generation_assets", "policy_generations",
            "scheduled_tasks", "idempotency_records", "policies", "policy_engines", "gateway_targets", "gateways");

    /** The database under test, migrated by Flyway; owned by the engine's test class. */
    protected abstract Database database();

    @BeforeEach
    void emptyTables() {
        TABLES.forEach(t -> database().jdbc().update("DELETE FROM " + t));
    }
}
