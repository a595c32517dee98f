package com.cedarauthoring.store.contract;

import com.cedarauthoring.store.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded default: an H2 file database, as {@code serve} opens it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2StoreContractTest extends StoreContractSuite {
    @BeforeAll
    void open(@TempDir Path dir) {
        db = Database.embedded(dir);
    }

    @AfterAll
    void close() {
        db.close();
    }
}
