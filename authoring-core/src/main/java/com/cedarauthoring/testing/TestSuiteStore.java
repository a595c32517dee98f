package com.cedarauthoring.testing;

import com.cedarauthoring.store.Page;
import com.cedarauthoring.store.PageRequest;
import java.util.Optional;

/** Persistence port for saved test suites; lists are by name. */
public interface TestSuiteStore {
    /**
     * Creates the suite or replaces the one of that engine and name (keeping who created it and when);
     * refuses a new suite once the engine has {@code maxSuites}.
     *
     * @return the suite as stored
     */
    TestSuite put(TestSuite suite, int maxSuites);

    Optional<TestSuite> find(String policyEngineId, String name);

    Page<TestSuite> list(String policyEngineId, PageRequest page);

    /** @return whether there was such a suite */
    boolean delete(String policyEngineId, String name);
}
