package com.cedarauthoring.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.api.Http;
import com.cedarauthoring.api.SdkService;
import com.cedarauthoring.api.TestCredentials;
import com.cedarauthoring.api.http.ApiApp.DeclaredRoute;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every route declares its access, and the README's roles table is exactly what the service enforces:
 * the table is read from README.md, compared with the routes the running service registered (a new route
 * missing from the table, or declaring no role, fails here), and then each role's key calls each route.
 */
class RouteAccessTest {
    private static final List<TestCredentials.Key> SINGLE_ROLE_KEYS =
            List.of(TestCredentials.AUTHOR, TestCredentials.REVIEWER, TestCredentials.ADMIN);

    // one signed service (credentials file of TestCredentials) for the whole class
    @RegisterExtension
    static final SdkService service = SdkService.signed();

    @Test
    void everyRouteDeclaresItsAccess() {
        assertThat(service.app().routes()).isNotEmpty().allSatisfy(r ->
                assertThat(r.access()).as(r.method() + " " + r.path() + " declares no Access").isNotEmpty());
    }

    @Test
    void theReadmeRolesTableIsExactlyTheRegisteredRoutes() throws IOException {
        Map<String, Set<String>> readme = readmeTable();
        Map<String, Set<String>> registered = new LinkedHashMap<>();
        for (DeclaredRoute r : service.app().routes()) {
            registered.put(r.method() + " " + r.path(), roles(r.access()));
        }
        assertThat(readme).as("README roles table vs. registered routes").isEqualTo(registered);
    }

    @Test
    void eachRoleIsAllowedExactlyWhatTheTableSays() throws IOException {
        List<String> mismatches = new ArrayList<>();
        Map<String, Set<String>> table = readmeTable();
        assertThat(table).as("README roles table").hasSizeGreaterThan(30);
        table.forEach((route, allowed) -> {
            String method = route.substring(0, route.indexOf(' '));
            String path = concrete(route.substring(route.indexOf(' ') + 1));
            for (TestCredentials.Key key : SINGLE_ROLE_KEYS) {
                boolean expected = allowed.contains("anyone") || allowed.contains(key.roles().get(0));
                Http.Response r = Http.signed(service.app().port(), key).send(method, path, method.equals("GET") ? null : "{}");
                boolean denied = r.status() == 403 && "AccessDeniedException".equals(r.errorType());
                if (denied == expected || r.status() == 500) {
                    mismatches.add(key.roles() + " " + route + " -> " + r.status() + " " + r.errorType());
                }
            }
        });
        assertThat(mismatches).isEmpty();
    }

    /** Path parameters replaced by well-formed ids of nothing: the role check comes before any lookup. */
    private static String concrete(String path) {
        return path.replace("{gatewayIdentifier}", "nothing-abcdefghij").replace("{targetId}", "ABCDEFGHIJ")
                .replace("{policyEngineId}", "Nothing-abcdefghij").replace("{policyId}", "Nothing-abcdefghij")
                .replace("{policyGenerationId}", "Nothing-abcdefghij").replace("{policyGenerationAssetId}", "Nothing-abcdefghij")
                .replace("<resourceArn>", "arn%3Aaws%3Abedrock-agentcore%3Aus-west-2%3A123456789012%3Agateway%2Fnothing-abcdefghij")
                .replace("{file}", "app.js").replace("{suiteName}", "nothing");
    }

    private static Set<String> roles(Set<Access> access) {
        Set<String> out = new TreeSet<>();
        for (Access a : access) {
            switch (a) {
                case PUBLIC -> out.add("anyone");
                case READ -> out.addAll(List.of("author", "reviewer", "admin"));
                default -> out.add(a.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return out;
    }

    /** Rows {@code | METHOD | path | roles | notes |} of the table under the README's "### Roles" heading. */
    static Map<String, Set<String>> readmeTable() throws IOException {
        Path readme = Path.of("..", "README.md");
        List<String> lines = Files.readAllLines(readme);
        Map<String, Set<String>> table = new LinkedHashMap<>();
        boolean inSection = false;
        for (String line : lines) {
            if (line.startsWith("#")) {
                inSection = line.strip().equals("### Roles");
                continue;
            }
            if (!inSection || !line.startsWith("| ") || line.startsWith("| method") || line.startsWith("|---")) {
                continue;
            }
            String[] cells = line.split("\\|");
            String method = cells[1].strip();
            String path = cells[2].strip().replace("`", "");
            Set<String> roles = new TreeSet<>();
            for (String r : cells[3].split(",")) {
                roles.add(r.strip());
            }
            table.put(method + " " + path, roles);
        }
        return table;
    }

    @Test
    void printTheTableForTheReadme() {
        // keeps the README easy to regenerate: mvn test -Dtest=RouteAccessTest prints it
        System.out.println(service.app().routes().stream().map(r -> "| " + r.method() + " | `" + r.path() + "` | "
                + String.join(", ", roles(r.access()).stream().sorted((a, b) -> order(a) - order(b)).toList()) + " |")
                .collect(Collectors.joining("\n")));
    }

    private static int order(String role) {
        return List.of("anyone", "author", "reviewer", "admin").indexOf(role);
    }
}
