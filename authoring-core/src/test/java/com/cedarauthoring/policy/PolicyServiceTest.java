package com.cedarauthoring.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.errors.ConflictException;
import com.cedarauthoring.errors.ResourceNotFoundException;
import com.cedarauthoring.errors.ValidationException;
import com.cedarauthoring.findings.Finding;
import com.cedarauthoring.findings.FindingType;
import com.cedarauthoring.gateway.AuthorizerType;
import com.cedarauthoring.gateway.GatewayDirectory;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.audit.JdbcAuditTrail;
import com.cedarauthoring.identity.Principal;
import com.cedarauthoring.audit.JdbcAuditTrail;
import com.cedarauthoring.identity.Principal;
import com.cedarauthoring.naming.Arns;
import com.cedarauthoring.naming.Ids;
import com.cedarauthoring.store.Database;
import com.cedarauthoring.store.ClientToken;
import com.cedarauthoring.store.Idempotency;
import com.cedarauthoring.store.PageRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyServiceTest {
    static final Principal ME = Principal.of("ada", java.util.Set.of(com.cedarauthoring.identity.Role.ADMIN));
    static final Arns ARNS = new Arns("us-west-2", "123456789012");
    static final String GATEWAY_ARN = ARNS.gateway("refund-gw-abcdefghij");
    static final String SCHEMA = """
            namespace AgentCore {
              entity OAuthUser tags String;
              entity Gateway;
              action "RefundTarget___process_refund" appliesTo {
                principal: [OAuthUser], resource: [Gateway],
                context: { input: { amount: Long, orderId: String, reason?: String } }
              };
            }
            """;
    static final String VALID = "permit(principal is AgentCore::OAuthUser, action == AgentCore::Action::\"RefundTarget___process_refund\","
            + " resource == AgentCore::Gateway::\"" + GATEWAY_ARN + "\") when { context.input.amount < 500 };";
    static final String UNKNOWN_ACTION = "permit(principal, action == AgentCore::Action::\"RefundTarget___nonExistentTool\","
            + " resource == AgentCore::Gateway::\"" + GATEWAY_ARN + "\");";

    @TempDir
    Path dir;
    Database db;
    Map<String, List<GatewaySchema>> attached = new HashMap<>();
    Map<String, GeneratedAsset> assetsById = new HashMap<>();
    List<Finding> analyzerFindings = new ArrayList<>();
    JdbcAuditTrail trail;
    PolicyEngineService engines;
    PolicyService policies;

    @BeforeEach
    void setUp() {
        db = Database.embedded(dir);
        Clock clock = Clock.systemUTC();
        Idempotency idem = new Idempotency(db.jdbc(), clock);
        PolicyStore store = new JdbcPolicyStore(db.jdbc());
        GatewayDirectory gateways = new GatewayDirectory() {
            @Override
            public Optional<GatewaySchema> schemaByArn(String arn) {
                return Optional.empty();
            }

            @Override
            public List<GatewaySchema> schemasAttachedTo(String engineArn) {
                return attached.getOrDefault(engineArn, List.of());
            }
        };
        GeneratedAssets assets = (engineId, genId, assetId) -> Optional.ofNullable(assetsById.get(assetId))
                .filter(a -> a.policyGenerationId().equals(genId));
        PolicyFindings analyzer = (cedarPolicy, schema) -> List.copyOf(analyzerFindings);
        trail = new JdbcAuditTrail(db.jdbc(), Ids.seeded(3), clock);
        engines = new PolicyEngineService(store, db.transactions(), trail, idem, ARNS, Ids.seeded(1), clock);
        policies = new PolicyService(store, engines, gateways, Optional.of(assets), new Cedar(), analyzer, db.transactions(), trail, idem, ARNS,
                Ids.seeded(2), clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private PolicyEngine attachedEngine() {
        PolicyEngine e = engines.create(ME, "RefundEngine", Optional.empty(), Optional.empty());
        attached.put(e.policyEngineArn(), List.of(new GatewaySchema(GATEWAY_ARN, AuthorizerType.CUSTOM_JWT, List.of(), SCHEMA, "{}")));
        return e;
    }

    private static NewPolicy cedar(String name, String statement) {
        return NewPolicy.of(name, new PolicyDefinition.Statement(StatementKind.CEDAR, statement));
    }

    @Test
    void engineLifecycle() {
        PolicyEngine created = engines.create(ME, "Engine_1", Optional.of("first"), Optional.empty());
        assertThat(created.status()).isEqualTo(PolicyStatus.CREATING);
        assertThat(created.policyEngineId()).matches("Engine_1-[a-z0-9]{10}");
        assertThat(created.policyEngineArn()).isEqualTo(ARNS.policyEngine(created.policyEngineId()));
        assertThat(engines.get(created.policyEngineId()).status()).isEqualTo(PolicyStatus.ACTIVE);
        assertThat(engines.find(created.policyEngineId())).contains(created.ref());

        PolicyEngine updated = engines.update(ME, created.policyEngineId(), DescriptionChange.set("second"));
        assertThat(updated.status()).isEqualTo(PolicyStatus.UPDATING);
        assertThat(engines.get(created.policyEngineId()).description()).isEqualTo("second");
        engines.update(ME, created.policyEngineId(), DescriptionChange.UNCHANGED);
        assertThat(engines.get(created.policyEngineId()).description()).isEqualTo("second");
        engines.update(ME, created.policyEngineId(), DescriptionChange.unset());
        assertThat(engines.get(created.policyEngineId()).description()).isNull();

        assertThatThrownBy(() -> engines.create(ME, "Engine_1", Optional.empty(), Optional.empty()))
                .isInstanceOf(ConflictException.class);
        assertThat(engines.delete(ME, created.policyEngineId()).status()).isEqualTo(PolicyStatus.DELETING);
        assertThatThrownBy(() -> engines.get(created.policyEngineId())).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void engineWithPoliciesCannotBeDeleted() {
        PolicyEngine e = attachedEngine();
        Policy p = policies.create(ME, e.policyEngineId(), cedar("P1", VALID), Optional.empty());
        assertThatThrownBy(() -> engines.delete(ME, e.policyEngineId())).isInstanceOf(ConflictException.class);
        policies.delete(ME, e.policyEngineId(), p.policyId());
        engines.delete(ME, e.policyEngineId());
    }

    @Test
    void validPolicySettlesActiveAndInvalidOneCreateFailedWithCedarsMessage() {
        PolicyEngine e = attachedEngine();
        Policy ok = policies.create(ME, e.policyEngineId(), cedar("Good", VALID), Optional.empty());
        assertThat(ok.status()).isEqualTo(PolicyStatus.CREATING);
        Policy stored = policies.get(e.policyEngineId(), ok.policyId());
        assertThat(stored.status()).isEqualTo(PolicyStatus.ACTIVE);
        assertThat(stored.statusReasons()).isEmpty();
        assertThat(stored.resourceScope()).isEqualTo(GATEWAY_ARN);
        assertThat(stored.enforcementMode()).isEqualTo(EnforcementMode.ACTIVE);

        Policy bad = policies.create(ME, e.policyEngineId(), cedar("Bad", UNKNOWN_ACTION), Optional.empty());
        Policy failed = policies.get(e.policyEngineId(), bad.policyId());
        assertThat(failed.status()).isEqualTo(PolicyStatus.CREATE_FAILED);
        assertThat(failed.statusReasons()).first().asString()
                .contains(GATEWAY_ARN).contains("unrecognized action").contains("RefundTarget___nonExistentTool");
    }

    @Test
    void ignoreAllFindingsSkipsAnalyzerButNeverSchemaChecks() {
        PolicyEngine e = attachedEngine();
        analyzerFindings.add(Finding.of(FindingType.ALLOW_ALL, "ALLOW_ALL", "Overly permissive"));
        Policy strict = policies.create(ME, e.policyEngineId(), cedar("Strict", VALID), Optional.empty());
        assertThat(policies.get(e.policyEngineId(), strict.policyId()).statusReasons())
                .singleElement().asString().contains("ALLOW_ALL");
        NewPolicy lenient = new NewPolicy("Lenient", new PolicyDefinition.Statement(StatementKind.POLICY, VALID),
                Optional.empty(), Optional.of(ValidationMode.IGNORE_ALL_FINDINGS), Optional.of(EnforcementMode.LOG_ONLY));
        Policy l = policies.get(e.policyEngineId(), policies.create(ME, e.policyEngineId(), lenient, Optional.empty()).policyId());
        assertThat(l.status()).isEqualTo(PolicyStatus.ACTIVE);
        assertThat(l.kind()).isEqualTo(StatementKind.POLICY);
        assertThat(l.enforcementMode()).isEqualTo(EnforcementMode.LOG_ONLY);
        NewPolicy lenientBad = new NewPolicy("LenientBad", new PolicyDefinition.Statement(StatementKind.CEDAR, UNKNOWN_ACTION),
                Optional.empty(), Optional.of(ValidationMode.IGNORE_ALL_FINDINGS), Optional.empty());
        Policy lb = policies.create(ME, e.policyEngineId(), lenientBad, Optional.empty());
        assertThat(policies.get(e.policyEngineId(), lb.policyId()).status()).isEqualTo(PolicyStatus.CREATE_FAILED);
    }

    @Test
    void severalAttachedGatewaysActLikeOneCombinedSchema() {
        PolicyEngine e = attachedEngine();
        String otherArn = ARNS.gateway("ship-gw-abcdefghij");
        String shipSchema = SCHEMA.replace("RefundTarget___process_refund", "ShipTarget___ship_order");
        attached.put(e.policyEngineArn(), List.of(
                new GatewaySchema(GATEWAY_ARN, AuthorizerType.CUSTOM_JWT, List.of(), SCHEMA, "{}"),
                new GatewaySchema(otherArn, AuthorizerType.CUSTOM_JWT, List.of(), shipSchema, "{}")));
        String ship = VALID.replace(GATEWAY_ARN, otherArn).replace("RefundTarget___process_refund", "ShipTarget___ship_order");
        String unscopedRefund = "permit(principal, action == AgentCore::Action::\"RefundTarget___process_refund\", resource);";
        for (String statement : List.of(VALID, ship, unscopedRefund)) {
            Policy p = policies.create(ME, e.policyEngineId(), cedar("P" + Math.abs(statement.hashCode()), statement), Optional.empty());
            assertThat(policies.get(e.policyEngineId(), p.policyId()).status()).as(statement).isEqualTo(PolicyStatus.ACTIVE);
        }
        // the refund tool scoped to the shipping gateway is checked against that gateway only
        String misplaced = VALID.replace(GATEWAY_ARN, otherArn);
        Policy m = policies.create(ME, e.policyEngineId(), cedar("Misplaced", misplaced), Optional.empty());
        Policy failed = policies.get(e.policyEngineId(), m.policyId());
        assertThat(failed.status()).isEqualTo(PolicyStatus.CREATE_FAILED);
        assertThat(failed.statusReasons()).allSatisfy(r -> assertThat(r).contains(otherArn).doesNotContain("for policy `"));
    }

    @Test
    void unattachedEngineOnlyParses() {
        PolicyEngine e = engines.create(ME, "Lonely", Optional.empty(), Optional.empty());
        Policy p = policies.create(ME, e.policyEngineId(), cedar("AnyAction", UNKNOWN_ACTION), Optional.empty());
        assertThat(policies.get(e.policyEngineId(), p.policyId()).status()).isEqualTo(PolicyStatus.ACTIVE);
        Policy s = policies.create(ME, e.policyEngineId(), cedar("Broken", "permit(principal, action, resource) when { ( };"),
                Optional.empty());
        Policy broken = policies.get(e.policyEngineId(), s.policyId());
        assertThat(broken.status()).isEqualTo(PolicyStatus.CREATE_FAILED);
        assertThat(broken.statusReasons()).singleElement().asString().contains("syntax");
    }

    @Test
    void twoPoliciesInOneStatementIsAValidationException() {
        PolicyEngine e = attachedEngine();
        assertThatThrownBy(() -> policies.create(ME, e.policyEngineId(), cedar("Two", VALID + "\n" + VALID), Optional.empty()))
                .isInstanceOfSatisfying(ValidationException.class, v -> {
                    assertThat(v.fieldList()).extracting(ValidationException.FieldError::name)
                            .containsExactly("definition.cedar.statement");
                    assertThat(v.getMessage()).contains("holds 2");
                });
        assertThat(policies.list(e.policyEngineId(), Optional.empty(), PageRequest.first(100)).items()).isEmpty();
    }

    @Test
    void namesAreUniquePerEngine() {
        PolicyEngine e = attachedEngine();
        PolicyEngine other = engines.create(ME, "Other", Optional.empty(), Optional.empty());
        policies.create(ME, e.policyEngineId(), cedar("Same", VALID), Optional.empty());
        assertThatThrownBy(() -> policies.create(ME, e.policyEngineId(), cedar("Same", VALID), Optional.empty()))
                .isInstanceOf(ConflictException.class);
        policies.create(ME, other.policyEngineId(), cedar("Same", VALID), Optional.empty());
    }

    @Test
    void updateRevalidatesAndKeepsTheWorkingDefinitionOnFailure() {
        PolicyEngine e = attachedEngine();
        Policy p = policies.create(ME, e.policyEngineId(), cedar("P", VALID), Optional.empty());
        Policy u = policies.update(ME, e.policyEngineId(), p.policyId(), new PolicyChange(DescriptionChange.set("d"),
                Optional.of(new PolicyDefinition.Statement(StatementKind.CEDAR, UNKNOWN_ACTION)), Optional.empty(), Optional.empty()));
        assertThat(u.status()).isEqualTo(PolicyStatus.UPDATING);
        Policy failed = policies.get(e.policyEngineId(), p.policyId());
        assertThat(failed.status()).isEqualTo(PolicyStatus.UPDATE_FAILED);
        assertThat(failed.statement()).isEqualTo(VALID);
        assertThat(failed.statusReasons()).isNotEmpty();

        policies.update(ME, e.policyEngineId(), p.policyId(), new PolicyChange(DescriptionChange.set("d"), Optional.empty(),
                Optional.empty(), Optional.of(EnforcementMode.LOG_ONLY)));
        Policy ok = policies.get(e.policyEngineId(), p.policyId());
        assertThat(ok.status()).isEqualTo(PolicyStatus.ACTIVE);
        assertThat(ok.description()).isEqualTo("d");
        assertThat(ok.enforcementMode()).isEqualTo(EnforcementMode.LOG_ONLY);
        assertThat(ok.statusReasons()).isEmpty();
    }

    @Test
    void listFiltersByTargetResourceScopeAndPages() {
        PolicyEngine e = engines.create(ME, "Scoped", Optional.empty(), Optional.empty());
        String otherArn = ARNS.gateway("other-gw-abcdefghij");
        policies.create(ME, e.policyEngineId(), cedar("OnThis", VALID), Optional.empty());
        policies.create(ME, e.policyEngineId(), cedar("Unscoped", "forbid(principal, action, resource) when { false };"), Optional.empty());
        policies.create(ME, e.policyEngineId(), cedar("OnOther", VALID.replace(GATEWAY_ARN, otherArn)), Optional.empty());
        assertThat(policies.list(e.policyEngineId(), Optional.of(GATEWAY_ARN), PageRequest.first(100)).items())
                .extracting(Policy::name).containsExactly("OnThis", "Unscoped");
        var first = policies.list(e.policyEngineId(), Optional.empty(), PageRequest.first(2));
        assertThat(first.items()).hasSize(2);
        var second = policies.list(e.policyEngineId(), Optional.empty(), PageRequest.of("2", first.nextToken().orElseThrow()));
        assertThat(second.items()).extracting(Policy::name).containsExactly("OnOther");
        assertThat(second.nextToken()).isEmpty();
        assertThat(policies.all(e.policyEngineId())).extracting(Policy::name).containsExactly("OnThis", "Unscoped", "OnOther");
    }

    @Test
    void createFromGenerationAsset() {
        PolicyEngine e = attachedEngine();
        assetsById.put("asset_one-abcdefghij", new GeneratedAsset(e.policyEngineId(), "gen_one-abcdefghij",
                "asset_one-abcdefghij", GATEWAY_ARN, Optional.of(VALID), List.of(Finding.valid())));
        assetsById.put("asset_bad-abcdefghij", new GeneratedAsset(e.policyEngineId(), "gen_one-abcdefghij",
                "asset_bad-abcdefghij", GATEWAY_ARN, Optional.of(UNKNOWN_ACTION),
                List.of(Finding.of(FindingType.INVALID, "CEDAR_SCHEMA", "unknown action"))));
        assetsById.put("asset_oth-abcdefghij", new GeneratedAsset("Other-abcdefghij", "gen_one-abcdefghij",
                "asset_oth-abcdefghij", GATEWAY_ARN, Optional.of(VALID), List.of(Finding.valid())));
        Policy p = policies.create(ME, e.policyEngineId(), NewPolicy.of("FromAsset",
                new PolicyDefinition.FromGeneration("gen_one-abcdefghij", "asset_one-abcdefghij")), Optional.empty());
        Policy stored = policies.get(e.policyEngineId(), p.policyId());
        assertThat(stored.status()).isEqualTo(PolicyStatus.ACTIVE);
        assertThat(stored.statement()).isEqualTo(VALID);
        assertThat(stored.kind()).isEqualTo(StatementKind.CEDAR);

        assertThatThrownBy(() -> policies.create(ME, e.policyEngineId(), NewPolicy.of("Bad",
                new PolicyDefinition.FromGeneration("gen_one-abcdefghij", "asset_bad-abcdefghij")), Optional.empty()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> policies.create(ME, e.policyEngineId(), NewPolicy.of("Foreign",
                new PolicyDefinition.FromGeneration("gen_one-abcdefghij", "asset_oth-abcdefghij")), Optional.empty()))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> policies.create(ME, e.policyEngineId(), NewPolicy.of("Missing",
                new PolicyDefinition.FromGeneration("gen_one-abcdefghij", "asset_zzz-abcdefghij")), Optional.empty()))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void concurrentRetriesWithOneClientTokenCreateOneEngine() throws Exception {
        ClientToken token = new ClientToken("retry-0123456789abcdef0123456789abcdef");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            var futures = new ArrayList<java.util.concurrent.Future<PolicyEngine>>();
            for (int i = 0; i < 6; i++) {
                futures.add(pool.submit(() -> engines.create(ME, "Racy", Optional.empty(), Optional.of(token))));
            }
            PolicyEngine first = futures.get(0).get();
            for (var f : futures) {
                assertThat(f.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(engines.list(PageRequest.first(100)).items()).hasSize(1);
    }

    @Test
    void clientTokenMakesCreatesIdempotent() {
        ClientToken token = new ClientToken("token-0123456789abcdef0123456789abcdef");
        PolicyEngine a = engines.create(ME, "Idem", Optional.of("x"), Optional.of(token));
        PolicyEngine b = engines.create(ME, "Idem", Optional.of("x"), Optional.of(token));
        assertThat(b).isEqualTo(a);
        assertThatThrownBy(() -> engines.create(ME, "Idem", Optional.of("y"), Optional.of(token)))
                .isInstanceOfSatisfying(ValidationException.class, v ->
                        assertThat(v.reason()).isEqualTo(ValidationException.Reason.IdempotentParameterMismatchException));
        assertThat(engines.list(PageRequest.first(100)).items()).hasSize(1);

        attached.put(a.policyEngineArn(), List.of());
        Policy p1 = policies.create(ME, a.policyEngineId(), cedar("P", VALID), Optional.of(token));
        Policy p2 = policies.create(ME, a.policyEngineId(), cedar("P", VALID), Optional.of(token));
        assertThat(p2).isEqualTo(p1);
        assertThatThrownBy(() -> policies.create(ME, a.policyEngineId(), cedar("Q", VALID), Optional.of(token)))
                .isInstanceOf(ValidationException.class);
        assertThat(policies.list(a.policyEngineId(), Optional.empty(), PageRequest.first(100)).items()).hasSize(1);
    }
}
