package com.cedarauthoring.store.contract;

import com.cedarauthoring.store.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** The store contract on a real PostgreSQL (a fresh database of the server {@link TestPostgres} names). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresStoreContractTest extends StoreContractSuite {
    TestPostgres.Db pg;

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
}
