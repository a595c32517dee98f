package com.cedarauthoring.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.cedarauthoring.api.Http;
import com.cedarauthoring.api.auth.Access;
import com.cedarauthoring.cedar.Cedar;
import io.javalin.Javalin;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Requests run on threads with Cedar's large stack, so the Cedar calls a request makes run inline rather than
 * being handed to Cedar's own threads and back (two thread switches per call).
 */
class RequestThreadsTest {
    @Test
    void requestHandlersRunOnLargeStackThreads() {
        RouteModule probe = routes -> routes.get("/probe", ctx -> ctx.json(Map.of("largeStack", Cedar.onLargeStack(),
                "thread", Thread.currentThread().getName())), Access.PUBLIC);
        Javalin app = ApiApp.create("127.0.0.1", List.of(probe)).start(0);
        try {
            Http.Response r = new Http(app.port()).get("/probe");
            assertEquals(200, r.status());
            assertEquals(true, r.body().path("largeStack").asBoolean(), r.body().toString());
        } finally {
            app.stop();
        }
    }
}
