package com.cedarauthoring.store.contract;

import com.cedarauthoring.store.Database;
import com.cedarauthoring.store.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/** The store contract on a real PostgreSQL (a fresh database of the server {@link TestPostgres} names). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresStoreContractTest {
    TestPostgres.Db pg;
    Database db;

    @BeforeAll
    void open() {
        pg = TestPostgres.freshDatabase();
        db = pg.open(8);
    }

    @AfterAll
    void close() {
        if (db != null) {
            db.close();
            TestPostgres.drop(pg);
        }
    }

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
    class Audit extends AuditContract {
        @Override
        protected Database database() {
            return db;
        }
    }
}
