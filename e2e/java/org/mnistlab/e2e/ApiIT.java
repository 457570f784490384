package org.mnistlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.options.RequestOptions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mnistlab.TestRuns;
import org.mnistlab.security.Role;
import org.mnistlab.security.UserService;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.RunStore;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The JSON API on the real server: the browser's session cookie does not open it (so a forged cross-site
 * request cannot use it), a token does, and the OpenAPI description and Swagger UI are served past Vaadin's
 * servlet.
 */
class ApiIT extends BrowserTest {

    @Autowired
    UserService users;
    @Autowired
    RunStore store;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void the_session_cookie_of_a_logged_in_browser_does_not_authenticate_api_calls() {
        if (users.role("e2e-trainer").isEmpty()) {
            users.create("e2e-trainer", "e2e-trainer-password", Role.TRAINER);
        }
        long id = store.insertQueued(TestRuns.quick(Architecture.LOGISTIC, 500, 1).toBuilder().name("e2e owned")
                .build(), 0, Instant.now(), "someone-else");
        BrowserContext trainer = newAnonymousContext();
        logIn(trainer, "e2e-trainer", "e2e-trainer-password");

        APIResponse forged = trainer.request().delete(url("/api/runs/" + id));
        assertThat(forged.status()).isEqualTo(401);
        String token = users.createToken("e2e-trainer", "e2e");
        APIResponse notTheirs = trainer.request().delete(url("/api/runs/" + id),
                RequestOptions.create().setHeader("Authorization", "Bearer " + token));
        assertThat(notTheirs.status()).isEqualTo(403);
        assertThat(store.findById(id)).isPresent();
        trainer.close();
    }

    @Test
    void the_openapi_description_and_swagger_ui_are_served() throws Exception {
        APIResponse docs = newAnonymousContext().request().get(url("/v3/api-docs"));
        assertThat(docs.status()).isEqualTo(200);
        JsonNode description = json.readTree(docs.text());
        assertThat(description.get("paths").has("/api/runs/{id}/predict")).isTrue();

        page.navigate(url("/swagger-ui.html"));
        page.locator(".swagger-ui .info .title").waitFor();
        assertThat(page.locator(".swagger-ui .info .title").textContent()).contains("MNIST Lab API");
        assertThat(page.locator(".swagger-ui .opblock-summary-path").allTextContents()).contains("/api/runs/{id}");
        screenshot("swagger-ui");
    }
}
