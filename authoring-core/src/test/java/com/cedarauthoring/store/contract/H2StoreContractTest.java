package com.cedarauthoring.store.contract;

import com.cedarauthoring.store.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded default: an H2 file database, as {@code serve} opens it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2StoreContractTest {
    Database db;

    @BeforeAll
    void open(@TempDir Path dir) {
        db = Database.embedded(dir);
    }

    @AfterAll
    void close() {
        db.close();
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
