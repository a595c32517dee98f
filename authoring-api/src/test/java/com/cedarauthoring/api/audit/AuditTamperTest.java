package com.cedarauthoring.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.api.Application;
import com.cedarauthoring.api.Http;
import com.cedarauthoring.api.TestCredentials;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Someone edits the stored audit log behind the service's back; verify names the first broken event. */
class AuditTamperTest {

    @Test
    void verifyReportsTheFirstAlteredOrRemovedEvent(@TempDir Path dataDir) {
        try (Application app = Application.start(TestCredentials.signed(dataDir))) {
            Http admin = Http.signed(app.port(), TestCredentials.ADMIN);
            for (String name : new String[] {"First", "Second", "Third", "Fourth"}) {
                assertThat(admin.post("/policy-engines", "{\"name\":\"" + name + "\"}").status()).isEqualTo(202);
            }
            JsonNode events = admin.get("/audit-events").body().get("auditEvents");
            assertThat(events).hasSize(4);
            assertThat(admin.get("/audit-events/verify").body().get("intact").asBoolean()).isTrue();

            // rewrite who did the second change
            app.database().jdbc().update("UPDATE audit_events SET principal = 'mallory' WHERE sequence_no = 2");
            JsonNode altered = admin.get("/audit-events/verify").body();
            assertThat(altered.get("intact").asBoolean()).isFalse();
            assertThat(altered.get("firstBrokenEventId").asText()).isEqualTo(events.get(1).get("eventId").asText());
            app.database().jdbc().update("UPDATE audit_events SET principal = 'ada' WHERE sequence_no = 2");
            assertThat(admin.get("/audit-events/verify").body().get("intact").asBoolean()).isTrue();

            // remove the third: the fourth no longer links
            app.database().jdbc().update("DELETE FROM audit_events WHERE sequence_no = 3");
            JsonNode removed = admin.get("/audit-events/verify").body();
            assertThat(removed.get("intact").asBoolean()).isFalse();
            assertThat(removed.get("firstBrokenEventId").asText()).isEqualTo(events.get(3).get("eventId").asText());
            assertThat(removed.get("problem").asText()).contains("missing");
        }
    }
}
