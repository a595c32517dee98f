package com.cedarauthoring.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cedarauthoring.errors.ConflictException;
import com.cedarauthoring.gateway.AuthorizerType;
import com.cedarauthoring.gateway.Gateway;
import com.cedarauthoring.gateway.GatewayStore;
import com.cedarauthoring.gateway.GatewayTarget;
import com.cedarauthoring.gateway.JdbcGatewayStore;
import com.cedarauthoring.gateway.Tool;
import com.cedarauthoring.json.Json;
import com.cedarauthoring.store.PageRequest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link GatewayStore} promises, whatever the database. */
abstract class GatewayStoreContract extends StoreContract {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00.123Z");
    GatewayStore store;

    @BeforeEach
    void store() {
        store = new JdbcGatewayStore(database().jdbc());
    }

    static Gateway gateway(String id, String name, int second) {
        ObjectNode doc = Json.mapper().createObjectNode().put("name", name).put("roleArn", "arn:aws:iam::123456789012:role/R");
        doc.putObject("authorizerConfiguration").put("note", "échoed ✓");
        return new Gateway(id, "arn:aws:bedrock-agentcore:us-west-2:123456789012:gateway/" + id, name,
                AuthorizerType.CUSTOM_JWT, Optional.empty(), Gateway.READY, 1, doc,
                T0.plusSeconds(second), T0.plusSeconds(second));
    }

    static GatewayTarget target(String gatewayId, String targetId, String name, int second) {
        ObjectNode schema = Json.mapper().createObjectNode().put("type", "object");
        ObjectNode doc = Json.mapper().createObjectNode().put("name", name);
        return new GatewayTarget(gatewayId, targetId, name, Gateway.READY, doc,
                List.of(new Tool("process_refund", "Refund", schema)), T0.plusSeconds(second), T0.plusSeconds(second));
    }

    @Test
    void gatewayRoundTripsWithItsDocumentAndTimes() {
        Gateway g = gateway("gw-a", "alpha", 0);
        store.insertGateway(g);
        assertThat(store.gateway("gw-a").orElseThrow()).usingRecursiveComparison().isEqualTo(g);
        assertThat(database().transactions().inTransaction(() -> store.gatewayForUpdate("gw-a").orElseThrow()))
                .usingRecursiveComparison().isEqualTo(g);
        assertThat(store.gateway("missing")).isEmpty();
    }

    @Test
    void gatewayNamesAreUnique() {
        store.insertGateway(gateway("gw-a", "alpha", 0));
        assertThatThrownBy(() -> store.insertGateway(gateway("gw-b", "alpha", 1)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("alpha");
        store.insertGateway(gateway("gw-b", "beta", 1));
        assertThatThrownBy(() -> store.updateGateway(gateway("gw-b", "alpha", 2)))
                .isInstanceOf(ConflictException.class);
        assertThat(store.gateway("gw-b").orElseThrow().name()).isEqualTo("beta");
    }

    @Test
    void updateReplacesAndReportsMissingRows() {
        store.insertGateway(gateway("gw-a", "alpha", 0));
        Gateway changed = new Gateway("gw-a", gateway("gw-a", "x", 0).gatewayArn(), "alpha2", AuthorizerType.AWS_IAM,
                Optional.of(new Gateway.PolicyEngineConfiguration("arn:engine", Gateway.PolicyEngineConfiguration.Mode.ENFORCE)),
                Gateway.READY, 1, Json.mapper().createObjectNode().put("name", "alpha2"), T0, T0.plusSeconds(5));
        assertThat(store.updateGateway(changed)).isTrue();
        assertThat(store.gateway("gw-a").orElseThrow()).usingRecursiveComparison().isEqualTo(changed);
        assertThat(store.gatewaysAttachedTo("arn:engine")).extracting(Gateway::gatewayId).containsExactly("gw-a");
        assertThat(store.gatewaysAttachedTo("arn:other")).isEmpty();
        assertThat(store.updateGateway(gateway("gw-missing", "zeta", 0))).isFalse();
    }

    @Test
    void schemaVersionIsBumpedByEverySchemaChange() {
        store.insertGateway(gateway("gw-a", "alpha", 0));
        long v1 = store.lockForSchemaChange("gw-a").orElseThrow().schemaVersion();
        long v2 = database().transactions().inTransaction(() -> store.lockForSchemaChange("gw-a").orElseThrow().schemaVersion());
        assertThat(v2).isEqualTo(v1 + 1);
        assertThat(store.gateway("gw-a").orElseThrow().schemaVersion()).isEqualTo(v2);
        assertThat(store.lockForSchemaChange("missing")).isEmpty();
    }

    @Test
    void gatewaysPageInCreationOrder() {
        for (int i = 0; i < 5; i++) {
            store.insertGateway(gateway("gw-" + (9 - i), "g" + i, i));
        }
        var first = store.gateways(PageRequest.first(2));
        assertThat(first.items()).extracting(Gateway::name).containsExactly("g0", "g1");
        var second = store.gateways(PageRequest.of("2", first.nextToken().orElseThrow()));
        assertThat(second.items()).extracting(Gateway::name).containsExactly("g2", "g3");
        var last = store.gateways(PageRequest.of("2", second.nextToken().orElseThrow()));
        assertThat(last.items()).extracting(Gateway::name).containsExactly("g4");
        assertThat(last.nextToken()).isEmpty();
    }

    @Test
    void targetsAreUniquePerGatewayAndGoWithIt() {
        store.insertGateway(gateway("gw-a", "alpha", 0));
        store.insertGateway(gateway("gw-b", "beta", 0));
        GatewayTarget t1 = target("gw-a", "T1", "Refunds", 1);
        store.insertTarget(t1);
        store.insertTarget(target("gw-a", "T2", "Orders", 2));
        store.insertTarget(target("gw-b", "T1", "Refunds", 1)); // same name in another gateway
        assertThatThrownBy(() -> store.insertTarget(target("gw-a", "T3", "Refunds", 3)))
                .isInstanceOf(ConflictException.class);
        assertThat(store.target("gw-a", "T1").orElseThrow()).usingRecursiveComparison().isEqualTo(t1);
        assertThat(store.allTargets("gw-a")).extracting(GatewayTarget::name).containsExactly("Refunds", "Orders");
        var page = store.targets("gw-a", PageRequest.first(1));
        assertThat(page.items()).extracting(GatewayTarget::targetId).containsExactly("T1");
        assertThat(page.nextToken()).isPresent();

        assertThatThrownBy(() -> store.updateTarget(target("gw-a", "T2", "Refunds", 4)))
                .isInstanceOf(ConflictException.class);
        assertThat(store.updateTarget(target("gw-a", "T2", "Returns", 4))).isTrue();
        assertThat(store.updateTarget(target("gw-a", "T9", "Other", 4))).isFalse();
        assertThat(store.target("gw-a", "T2").orElseThrow().name()).isEqualTo("Returns");
    }

    @Test
    void aLockingReadSerialisesReadModifyWrite() throws Exception {
        store.insertGateway(gateway("gw-a", "alpha", 0));
        int writers = 4;
        int rounds = 5;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                work.add(() -> {
                    for (int r = 0; r < rounds; r++) {
                        database().transactions().inTransaction(() -> {
                            Gateway g = store.gatewayForUpdate("gw-a").orElseThrow();
                            ObjectNode doc = g.document();
                            doc.put("n", doc.path("n").asInt() + 1);
                            return store.updateGateway(new Gateway(g.gatewayId(), g.gatewayArn(), g.name(),
                                    g.authorizerType(), g.policyEngine(), g.status(), g.schemaVersion(), doc,
                                    g.createdAt(), g.updatedAt()));
                        });
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(work)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.gateway("gw-a").orElseThrow().document().path("n").asInt()).isEqualTo(writers * rounds);
    }

    @Test
    void deletes() {
        store.insertGateway(gateway("gw-a", "alpha", 0));
        store.insertTarget(target("gw-a", "T1", "Refunds", 1));
        store.insertTarget(target("gw-a", "T2", "Orders", 2));
        assertThat(store.deleteTarget("gw-a", "T2")).isTrue();
        assertThat(store.deleteTarget("gw-a", "T2")).isFalse();
        assertThat(store.deleteGateway("gw-a")).isTrue();
        assertThat(store.allTargets("gw-a")).isEmpty();
        assertThat(store.deleteGateway("gw-a")).isFalse();
        // the name is free again
        store.insertGateway(gateway("gw-z", "alpha", 3));
    }

    @Test
    void aFailedTransactionLeavesNothing() {
        assertThatThrownBy(() -> database().transactions().inTransaction(() -> {
            store.insertGateway(gateway("gw-a", "alpha", 0));
            store.insertTarget(target("gw-a", "T1", "Refunds", 1));
            throw new IllegalStateException("crash before commit");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(store.gateway("gw-a")).isEmpty();
        assertThat(store.target("gw-a", "T1")).isEmpty();
    }
}
