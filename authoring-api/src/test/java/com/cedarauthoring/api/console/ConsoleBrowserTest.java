package com.cedarauthoring.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.api.Application;
import com.cedarauthoring.api.Http;
import com.cedarauthoring.api.TestCredentials;
import com.cedarauthoring.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The reviewer console in a real headless Chromium against the real service (credentials file, SigV4 for
 * the setup, session cookie + CSRF in the browser): sign in, open a generation, see the spans highlighted,
 * approve with an acknowledgement, see the policy ACTIVE, try requests (ALLOW and DENY), reject another
 * asset, and be refused approving one's own generation. Screenshots of each page: target/console-screenshots.
 */
class ConsoleBrowserTest {
    static final String TARGET = """
            {"name": "RefundTarget", "targetConfiguration": {"mcp": {"lambda": {"lambdaArn": "arn:aws:lambda:us-west-2:123456789012:function:refund",
              "toolSchema": {"inlinePayload": [{"name": "process_refund", "description": "Process a customer refund",
                "inputSchema": {"type": "object", "properties": {"orderId": {"type": "string"}, "amount": {"type": "integer"},
                                "reason": {"type": "string"}}, "required": ["orderId", "amount"]}}]}}}}}""";

    static final Path SUPPORT = Path.of(System.getProperty("fixtures.dir", "../fixtures"), "gateways", "support.json");

    @TempDir
    static Path dataDir;
    static Application app;
    static String base;
    static String engineId;
    static String aliceGeneration;
    static String carolGeneration;

    @BeforeAll
    static void start() throws Exception {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!Browser.available()) {
            // CI installs chromium (.ci/run); there its absence is a failure, never a skip
            assertThat(ci).as("chromium and chromedriver must be installed under CI (apt-get install chromium chromium-driver)").isFalse();
            Assumptions.abort("chromium / chromedriver not installed");
        }
        app = Application.start(TestCredentials.signed(dataDir));
        base = "http://127.0.0.1:" + app.port();
        Http admin = Http.signed(app.port(), TestCredentials.ADMIN);
        JsonNode gw = admin.post("/gateways/", "{\"name\":\"refund-gateway\",\"roleArn\":\"arn:aws:iam::123456789012:role/R\","
                + "\"authorizerType\":\"CUSTOM_JWT\"}").body();
        String gatewayId = gw.get("gatewayId").asText();
        String gatewayArn = gw.get("gatewayArn").asText();
        assertThat(admin.post("/gateways/" + gatewayId + "/targets/", TARGET).status()).isEqualTo(202);
        JsonNode engine = admin.post("/policy-engines", "{\"name\":\"RefundEngine\"}").body();
        engineId = engine.get("policyEngineId").asText();
        ObjectNode attach = Json.mapper().createObjectNode().put("name", "refund-gateway")
                .put("roleArn", "arn:aws:iam::123456789012:role/R").put("authorizerType", "CUSTOM_JWT");
        attach.putObject("policyEngineConfiguration").put("arn", engine.get("policyEngineArn").asText()).put("mode", "ENFORCE");
        assertThat(admin.send("PUT", "/gateways/" + gatewayId + "/", attach.toString()).status()).isEqualTo(202);
        // a second gateway whose knowledge-base target is an OpenAPI document (try-it fields come from its operations)
        JsonNode support = Json.mapper().readTree(Files.readString(SUPPORT));
        String supportId = admin.post("/gateways/", support.get("gateway")).body().get("gatewayId").asText();
        support.get("targets").forEach(t -> assertThat(admin.post("/gateways/" + supportId + "/targets/", t).status()).isEqualTo(202));
        aliceGeneration = generate(TestCredentials.AUTHOR, gatewayArn, "refunds",
                "Allow user refund-agent to process refunds when the amount is less than $500. Allow refunds when a reason is provided.");
        carolGeneration = generate(TestCredentials.AUTHOR_REVIEWER, gatewayArn, "carols_refunds",
                "Allow user refund-lead to process refunds when the amount is less than $2000.");
    }

    static String generate(TestCredentials.Key author, String gatewayArn, String name, String text) {
        Http http = Http.signed(app.port(), author);
        ObjectNode body = Json.mapper().createObjectNode().put("name", name);
        body.putObject("resource").put("arn", gatewayArn);
        body.putObject("content").put("rawText", text);
        String id = http.post("/policy-engines/" + engineId + "/policy-generations", body).body().get("policyGenerationId").asText();
        JsonNode done = http.pollUntil("/policy-engines/" + engineId + "/policy-generations/" + id,
                b -> !"GENERATING".equals(b.path("status").asText()), Duration.ofSeconds(30)).body();
        assertThat(done.get("status").asText()).isEqualTo("GENERATED");
        return id;
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aReviewerSignsInReviewsTriesAndIsHeldToFourEyes() throws Exception {
        try (Browser browser = Browser.start()) {
            try {
                flow(browser);
            } catch (Throwable t) {
                browser.screenshot("failure");
                throw t;
            }
        }
    }

    private void flow(Browser b) {
        var d = b.driver;
        WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(15));

        // sign in, with the keyboard
        d.get(base + "/console/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("akid")));
        b.screenshot("01-sign-in");
        d.findElement(By.id("akid")).sendKeys(TestCredentials.REVIEWER.accessKeyId());
        d.findElement(By.id("secret")).sendKeys(TestCredentials.REVIEWER.secretAccessKey(), Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "rita"));

        // generations list
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#generations tbody tr")));
        assertThat(d.findElements(By.cssSelector("#generations tbody tr"))).hasSize(2);
        assertThat(d.findElement(By.id("generations")).getText()).contains("alice").contains("carol").contains("AMBIGUOUS");
        b.screenshot("02-generations");
        assertNoHorizontalScroll(b);

        // a generation: spans highlighted, Cedar parts linked to their words
        d.findElement(By.linkText("refunds")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("section.asset")));
        assertThat(d.findElements(By.cssSelector("#raw mark.span"))).isNotEmpty();
        assertThat(String.join(" ", d.findElements(By.cssSelector("#raw mark.span")).stream().map(WebElement::getText).toList()))
                .contains("refund-agent").contains("reason");
        assertThat(d.findElements(By.cssSelector("section.asset"))).hasSize(2);
        assertThat(d.findElement(By.cssSelector("#asset-0 pre.cedar")).getText()).contains("permit");
        assertThat(d.findElement(By.cssSelector("#asset-0 .explanation")).getText()).isNotBlank();
        assertThat(d.findElements(By.cssSelector("#asset-0 table.examples tbody tr"))).isNotEmpty();
        WebElement part = d.findElement(By.cssSelector("#asset-0 .part"));
        part.sendKeys(Keys.ENTER);
        assertThat(d.findElements(By.cssSelector("#raw .active"))).isNotEmpty();
        b.screenshot("03-generation");

        // approve the asset whose finding needs an acknowledgement; reject the other
        int ambiguous = d.findElements(By.cssSelector("#review-0 input[name=ack]")).isEmpty() ? 1 : 0;
        int other = 1 - ambiguous;
        WebElement form = d.findElement(By.id("review-" + ambiguous));
        assertThat(d.findElement(By.id("asset-" + ambiguous)).getText()).contains("What it means").contains("What to do");
        // the keyboard alone reaches the approve button (Tab order from the top of the page)
        tabTo(b, d.findElement(By.cssSelector("#review-" + ambiguous + " button[data-decision=APPROVE]")));
        b.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textMatches(By.id("status"), java.util.regex.Pattern.compile("acknowledg", java.util.regex.Pattern.CASE_INSENSITIVE)));
        form = d.findElement(By.id("review-" + ambiguous));
        d.findElement(By.id("name-" + ambiguous)).clear();
        d.findElement(By.id("name-" + ambiguous)).sendKeys("RefundWithReason");
        form.findElements(By.cssSelector("input[name=ack]")).forEach(WebElement::click);
        form.findElement(By.cssSelector("button[data-decision=APPROVE]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "APPROVE recorded"));
        assertThat(d.findElement(By.id("status")).getText()).contains("is ACTIVE (ACTIVE)");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("asset-" + ambiguous + "-h"), "APPROVED"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history-" + ambiguous), "APPROVE by rita"));
        assertThat(d.findElement(By.id("history-" + ambiguous)).getText()).as("four-eyes held").doesNotContain("self-approval");

        // try the other policy before deciding: its Cedar is the candidate, the suite run is attached to it
        d.findElement(By.cssSelector("#asset-" + other + " a[href*='asset=']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("in-amount")));
        assertThat(d.findElement(By.id("candidate")).getAttribute("value")).contains("permit");
        d.findElement(By.id("in-orderId")).sendKeys("B-1");
        d.findElement(By.id("in-amount")).sendKeys("50");
        d.findElement(By.id("add-case")).click();
        d.findElement(By.id("run-suite")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("suite-result"), "Saved as"));
        d.navigate().back();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("runs-" + other), "passed"));

        d.findElement(By.id("comment-" + other)).sendKeys("Use the payment limits from the finance policy instead.");
        d.findElement(By.cssSelector("#review-" + other + " button[data-decision=REJECT]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("asset-" + other + "-h"), "REJECTED"));
        b.screenshot("04-reviewed");

        // the policy is ACTIVE
        d.findElement(By.linkText("Engines and policies")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.policies tbody tr")));
        WebElement row = d.findElements(By.cssSelector("table.policies tbody tr")).stream()
                .filter(r -> r.getText().contains("RefundWithReason")).findFirst().orElseThrow();
        assertThat(row.getText()).contains("ACTIVE");
        b.screenshot("05-engines");

        // try it: with a reason ALLOW, without DENY
        d.findElement(By.linkText("Try it")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("in-reason")));
        new Select(d.findElement(By.id("tool"))).selectByValue("RefundTarget___process_refund");
        d.findElement(By.id("clear-suite")).click();
        d.findElement(By.id("in-orderId")).sendKeys("A-1");
        d.findElement(By.id("in-amount")).sendKeys("120");
        d.findElement(By.id("in-reason")).sendKeys("Defective product");
        d.findElement(By.id("authorize")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("decision"), "Deciding policies"));
        assertThat(d.findElement(By.id("decision-value")).getText()).isEqualTo("ALLOW");
        d.findElement(By.id("add-case")).click();
        d.findElement(By.id("in-reason")).clear();
        new Select(d.findElement(By.id("expected"))).selectByVisibleText("DENY");
        d.findElement(By.id("authorize")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("decision-value"), "DENY"));
        d.findElement(By.id("add-case")).click();
        d.findElement(By.id("run-suite")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("suite-result"), "2 passed"));
        b.screenshot("06-try-it");

        // the suite saved on the server under a name, cleared here, loaded back and run by its name
        d.findElement(By.id("suite-name")).sendKeys("refund-checks");
        d.findElement(By.id("save-suite")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Suite refund-checks saved (2 cases)"));
        JsonNode stored = Http.signed(app.port(), TestCredentials.ADMIN).get("/policy-engines/" + engineId + "/test-suites/refund-checks").body();
        assertThat(stored.get("cases")).hasSize(2);
        assertThat(stored.get("createdBy").asText()).isEqualTo("rita");
        d.findElement(By.id("clear-suite")).click();
        assertThat(d.findElement(By.id("suite")).getText()).contains("No cases yet");
        new Select(d.findElement(By.id("saved-suites"))).selectByValue("refund-checks");
        d.findElement(By.id("load-suite")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("suite"), "Saved suite refund-checks"));
        assertThat(d.findElements(By.cssSelector("#suite tbody tr"))).hasSize(2);
        d.findElement(By.id("run-suite")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("suite-result"), "Ran the saved suite refund-checks"));
        assertThat(d.findElement(By.id("suite-result")).getText()).contains("2 passed");
        b.screenshot("06b-saved-suite");

        // the keyboard alone reaches the try-it form's Authorize button and submits with Enter
        d.findElement(By.id("in-reason")).sendKeys("Sent from the keyboard");
        tabTo(b, d.findElement(By.id("authorize")));
        b.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("decision-value"), "ALLOW"));

        for (int width : new int[] {480, 420}) {
            d.manage().window().setSize(new Dimension(width, 800));
            assertNoHorizontalScroll(b);
            b.screenshot("07-try-it-" + width + "px");
        }
        d.manage().window().setSize(new Dimension(1280, 800));

        // an OpenAPI target's operation: fields from the input schema the service derived from the document
        new Select(d.findElement(By.id("gateway"))).selectByVisibleText("support-gateway");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#tool option[value='KnowledgeTarget___searchArticles']")));
        new Select(d.findElement(By.id("tool"))).selectByValue("KnowledgeTarget___searchArticles");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("in-query")));
        assertThat(d.findElement(By.cssSelector("label[for=in-query]")).getText()).contains("required").contains("Search text");
        assertThat(d.findElement(By.id("in-limit")).getAttribute("type")).isEqualTo("number");
        d.findElement(By.id("in-query")).sendKeys("refund policy");
        d.findElement(By.id("in-limit")).sendKeys("5");
        d.findElement(By.id("authorize")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("decision"), "no policy applies"));
        assertThat(d.findElement(By.id("decision-value")).getText()).isEqualTo("DENY");
        new Select(d.findElement(By.id("tool"))).selectByValue("KnowledgeTarget___getArticle");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("in-articleId")));
        b.screenshot("07b-try-it-openapi");

        // audit trail of the engine
        d.findElement(By.linkText("Audit trail")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#audit tbody tr")));
        assertThat(d.findElement(By.id("audit")).getText()).contains("rita");
        b.screenshot("08-audit");

        // carol started her own generation: approving it is refused, and the console says why
        d.findElement(By.id("signout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("akid")));
        d.findElement(By.id("akid")).sendKeys(TestCredentials.AUTHOR_REVIEWER.accessKeyId());
        d.findElement(By.id("secret")).sendKeys(TestCredentials.AUTHOR_REVIEWER.secretAccessKey(), Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "carol"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("carols_refunds"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review-0")));
        d.findElements(By.cssSelector("#review-0 input[name=ack]")).forEach(WebElement::click);
        d.findElement(By.cssSelector("#review-0 button[data-decision=APPROVE]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "four-eyes"));
        assertThat(d.findElement(By.id("status")).getText()).contains("AccessDeniedException");
        assertThat(d.findElement(By.id("result-0")).getText()).contains("four-eyes");
        b.screenshot("09-four-eyes");

        assertThat(b.consoleErrors()).as("browser console errors").isEmpty();
    }

    @Test
    void inLocalModeAnApprovalIsShownAsASelfApprovalInTheReviewAndTheAuditTrail(@TempDir Path localData) throws Exception {
        try (Application local = Application.start(com.cedarauthoring.api.ServiceConfig.local(localData));
             Browser browser = Browser.start()) {
            try {
                selfApproval(browser, local);
            } catch (Throwable t) {
                browser.screenshot("failure-local");
                throw t;
            }
        }
    }

    private static void selfApproval(Browser b, Application local) {
        Http http = new Http(local.port());
        JsonNode gw = http.post("/gateways/", "{\"name\":\"refund-gateway\",\"roleArn\":\"arn:aws:iam::123456789012:role/R\","
                + "\"authorizerType\":\"CUSTOM_JWT\"}").body();
        assertThat(http.post("/gateways/" + gw.get("gatewayId").asText() + "/targets/", TARGET).status()).isEqualTo(202);
        String localEngine = http.post("/policy-engines", "{\"name\":\"LocalEngine\"}").body().get("policyEngineId").asText();
        ObjectNode body = Json.mapper().createObjectNode().put("name", "local_refunds");
        body.putObject("resource").put("arn", gw.get("gatewayArn").asText());
        body.putObject("content").put("rawText", "Allow user refund-agent to process refunds when the amount is less than $500.");
        String generation = http.post("/policy-engines/" + localEngine + "/policy-generations", body).body().get("policyGenerationId").asText();
        assertThat(http.pollUntil("/policy-engines/" + localEngine + "/policy-generations/" + generation,
                g -> !"GENERATING".equals(g.path("status").asText()), Duration.ofSeconds(30)).body().get("status").asText())
                .isEqualTo("GENERATED");

        var d = b.driver;
        WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(15));
        // local mode: no sign-in, the one principal "local" approves what "local" generated
        d.get("http://127.0.0.1:" + local.port() + "/console/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("local_refunds"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review-0")));
        d.findElements(By.cssSelector("#review-0 input[name=ack]")).forEach(WebElement::click);
        d.findElement(By.cssSelector("#review-0 button[data-decision=APPROVE]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "APPROVE recorded"));
        assertThat(d.findElement(By.id("status")).getText()).contains("Self-approval: approved without a second reviewer");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("asset-0-h"), "APPROVED"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history-0"), "self-approval"));
        assertThat(d.findElement(By.id("history-0")).getText()).contains("APPROVE by local").contains("no second reviewer");
        b.screenshot("10-local-self-approval");

        d.findElement(By.linkText("Audit trail")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#audit tbody tr")));
        WebElement review = d.findElements(By.cssSelector("#audit tbody tr")).stream()
                .filter(r -> r.getText().contains("ReviewPolicyGenerationAsset")).findFirst().orElseThrow();
        assertThat(review.findElement(By.cssSelector(".badge.self-approval")).getText()).isEqualTo("self-approval");
        b.screenshot("11-local-audit");
        assertThat(b.consoleErrors()).as("browser console errors").isEmpty();
    }

    /** Presses Tab from the top of the page until {@code target} has the focus (bounded), as a keyboard user would. */
    private static void tabTo(Browser b, WebElement target) {
        // start at the first focusable element of the page (the header), wherever the last click left the focus
        b.driver.executeScript("document.querySelector('a[href], button, input, select, textarea').focus(); window.scrollTo(0, 0);");
        var actions = new org.openqa.selenium.interactions.Actions(b.driver);
        for (int i = 0; i < 200; i++) {
            if (b.driver.switchTo().activeElement().equals(target)) {
                return;
            }
            actions.sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached " + target.getTagName() + " " + target.getText());
    }

    private static void assertNoHorizontalScroll(Browser b) {
        Object overflow = b.driver.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
    }
}
