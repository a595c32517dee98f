package com.cedarauthoring.store.contract;

import com.cedarauthoring.store.Database;
import org.junit.jupiter.api.Nested;

/**
 * Every store contract, run against the database a subclass opens (before all, as {@link #db}); one
 * subclass per engine the service supports, so both run the same list.
 */
abstract class StoreContractSuite {
    Database db;

    @Nested
    class Gateways extends GatewayStoreContract {
        @Override
        protected Database database() {
            return db;
        }
    }

    @Nested
    class Policies extends PolicyStoreContract {
        @Override
        protected Database database() {
            return db;
        }
    }

    @Nested
    class Generations extends GenerationStoreContract {
        @Override
        protected Database database() {
            return db;
        }
    }

    @Nested
    class Idempotency extends IdempotencyContract {
        @Override
        protected Database database() {
            return db;
        }
    }

    @Nested
    class TestSuites extends TestSuiteStoreContract {
        @Override
        protected Database database() {
            return db;
        }
    }

    @Nested
    class Audit extends AuditContract {
        @Override
        protected Database database() {
            return db;
        }
    }
}
