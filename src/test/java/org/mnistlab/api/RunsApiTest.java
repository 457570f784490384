package org.mnistlab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mnistlab.SpringAppTest;
import org.mnistlab.TestRuns;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.DigitPng;
import org.mnistlab.playground.GrayImage;
import org.mnistlab.playground.TestDigits;
import org.mnistlab.security.Role;
import org.mnistlab.security.UserService;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunSetting;
import org.mnistlab.training.RunStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The JSON API through the app's real filter chains: tokens, roles, owners, validation, training, predicting. */
class RunsApiTest extends SpringAppTest {

    @Autowired
    UserService users;
    @Autowired
    ObjectMapper json;

    MockMvc mvc;
    String viewer;
    String alice;
    String bob;

    @BeforeEach
    void setUpClient() {
        // MockMvc runs in this thread: without the mock Vaadin session the security context falls back to (the
        // admin's, see SpringAppTest), each call stands on its own token as on a real server's threads
        MockVaadin.tearDown();
        mvc = ApiClient.mvc(context);
        viewer = ApiClient.tokenOf(users, "api-vera", Role.VIEWER);
        alice = ApiClient.tokenOf(users, "api-alice", Role.TRAINER);
        bob = ApiClient.tokenOf(users, "api-bob", Role.TRAINER);
    }

    private long storedRunOf(String owner) {
        RunConfig config = TestRuns.quick(Architecture.LOGISTIC, 500, 1).toBuilder().name("owned by " + owner).build();
        return store.insertQueued(config, 0, Instant.now(), owner);
    }

    private JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsByteArray());
    }

    @Test
    void a_call_without_a_token_is_refused_with_401_in_json() throws Exception {
        mvc.perform(get("/api/runs"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(jsonPath("$.error").value(ApiSecurityConfig.NO_TOKEN));
        mvc.perform(post("/api/runs").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void an_unknown_or_malformed_token_is_refused_with_401() throws Exception {
        mvc.perform(get("/api/runs").header("Authorization", ApiClient.bearer("mnl_not-a-token")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value(ApiSecurityConfig.TOKEN_REFUSED));
        mvc.perform(get("/api/runs").header("Authorization", "Basic YWRtaW46YWRtaW4="))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void a_deleted_token_no_longer_works() throws Exception {
        String token = users.createToken("api-vera", "to delete");
        mvc.perform(get("/api/runs").header("Authorization", ApiClient.bearer(token))).andExpect(status().isOk());
        long id = users.tokens("api-vera").stream().filter(t -> t.label().equals("to delete"))
                .findFirst().orElseThrow().id();
        users.deleteToken("api-vera", id);
        mvc.perform(get("/api/runs").header("Authorization", ApiClient.bearer(token)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void a_call_from_a_browser_leaves_its_ui_session_as_it_was() throws Exception {
        MockHttpSession browserSession = new MockHttpSession(null, "open-tab");
        mvc.perform(get("/api/runs").session(browserSession).header("Authorization", ApiClient.bearer(viewer)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/runs").session(browserSession)).andExpect(status().isUnauthorized());
        assertThat(browserSession.getId()).isEqualTo("open-tab");
        assertThat(browserSession.isInvalid()).isFalse();
    }

    @Test
    void the_server_says_which_backend_it_trains_on_to_any_token_and_to_no_one_without() throws Exception {
        JsonNode server = body(mvc.perform(get("/api/server").header("Authorization", ApiClient.bearer(viewer)))
                .andExpect(status().isOk()).andReturn());
        assertThat(server.get("backend").asText()).startsWith("CPU ");
        assertThat(server.get("avx512").asBoolean()).isEqualTo(server.get("backend").asText().contains("avx512"));
        assertThat(server.get("cpus").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(server.get("versions").get("dl4j").asText()).isEqualTo("1.0.0-M2.1");
        mvc.perform(get("/api/server")).andExpect(status().isUnauthorized());
    }

    @Test
    void a_viewer_reads_runs_but_may_not_submit_cancel_or_delete() throws Exception {
        long id = storedRunOf("api-alice");
        mvc.perform(get("/api/runs/" + id).header("Authorization", ApiClient.bearer(viewer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.run.owner").value("api-alice"))
                .andExpect(jsonPath("$.run.status").value("QUEUED"));
        mvc.perform(post("/api/runs").header("Authorization", ApiClient.bearer(viewer))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"architecture\": \"logistic\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").exists());
        mvc.perform(delete("/api/runs/" + id).header("Authorization", ApiClient.bearer(viewer)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/runs/" + id + "/cancel").header("Authorization", ApiClient.bearer(viewer)))
                .andExpect(status().isForbidden());
        assertThat(store.findById(id)).isPresent();
        queue.delete(id);
    }

    @Test
    void a_trainer_cannot_delete_another_users_run_but_the_owner_can() throws Exception {
        long id = storedRunOf("api-alice");
        MvcResult refused = mvc.perform(delete("/api/runs/" + id).header("Authorization", ApiClient.bearer(bob)))
                .andExpect(status().isForbidden()).andReturn();
        assertThat(body(refused).get("error").asText()).contains("only their own");
        assertThat(store.findById(id)).isPresent();

        mvc.perform(delete("/api/runs/" + id).header("Authorization", ApiClient.bearer(alice)))
                .andExpect(status().isNoContent());
        assertThat(store.findById(id)).isEmpty();
    }

    @Test
    void an_invalid_config_is_refused_with_the_forms_message_per_setting() throws Exception {
        String expected = RunConfig.defaults(Architecture.SIMPLE_CNN, DatasetKind.MNIST).toBuilder().epochs(0)
                .learningRate(-1).build().validate().stream()
                .filter(p -> p.setting() == RunSetting.EPOCHS).findFirst().orElseThrow().message();

        MvcResult result = mvc.perform(post("/api/runs").header("Authorization", ApiClient.bearer(alice))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"epochs\": 0, \"learningRate\": -1}"))
                .andExpect(status().isBadRequest()).andReturn();
        JsonNode error = body(result);
        assertThat(error.get("fields").get("epochs").asText()).isEqualTo(expected);
        assertThat(error.get("fields").has("learningRate")).isTrue();
        assertThat(error.get("error").asText()).contains("epochs");

        JsonNode kinds = body(mvc.perform(post("/api/runs").header("Authorization", ApiClient.bearer(alice))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"model\": \"cnn\", \"batchSize\": \"big\", \"optimizer\": \"lion\"}"))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(kinds.get("fields").get("model").asText()).startsWith("Unknown setting");
        assertThat(kinds.get("fields").get("batchSize").asText()).isEqualTo("Expected a number");
        assertThat(kinds.get("fields").get("optimizer").asText()).contains("adam");

        mvc.perform(post("/api/runs").header("Authorization", ApiClient.bearer(alice))
                        .contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("The request body is not valid JSON (or is missing)"));
    }

    @Test
    void a_submitted_run_trains_and_its_epochs_model_and_predictions_are_served() throws Exception {
        MvcResult created = mvc.perform(post("/api/runs").header("Authorization", ApiClient.bearer(alice))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"api mlp\", \"architecture\": \"mlp\", \"epochs\": 1, "
                                + "\"trainSubset\": 2000, \"augmentation\": {\"maxRotationDegrees\": 0}}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.owner").value("api-alice"))
                .andExpect(jsonPath("$.model").value("mlp"))
                .andReturn();
        long id = body(created).get("id").asLong();
        assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/runs/" + id);
        RunRecord done = runs.awaitEnd(id);
        assertThat(done.status()).isEqualTo(RunStatus.FINISHED);

        JsonNode details = body(mvc.perform(get("/api/runs/" + id).header("Authorization", ApiClient.bearer(viewer)))
                .andExpect(status().isOk()).andReturn());
        assertThat(details.get("epochs")).hasSize(1);
        assertThat(details.get("epochs").get(0).get("trainLoss").asDouble()).isPositive();
        assertThat(details.get("evaluation").get("accuracy").asDouble()).isGreaterThan(0.5);
        assertThat(details.get("evaluation").get("confusion")).hasSize(10);
        assertThat(details.get("run").get("config").get("hiddenLayers").get(0).asInt()).isEqualTo(128);

        JsonNode mine = body(mvc.perform(get("/api/runs?mine=true&model=mlp&status=finished")
                .header("Authorization", ApiClient.bearer(alice))).andExpect(status().isOk()).andReturn());
        assertThat(mine.get("runs").findValuesAsText("owner")).isNotEmpty().containsOnly("api-alice");
        assertThat(mine.get("runs").findValues("id").stream().map(JsonNode::asLong)).contains(id);

        byte[] model = mvc.perform(get("/api/runs/" + id + "/model").header("Authorization", ApiClient.bearer(viewer)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"run-" + id + ".zip\""))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(model.length).isGreaterThan(1000);
        assertThat(new String(model, 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("PK");

        // MNIST test digit 0 (a 7) as a 28×28 PNG, dark ink on light as people draw
        byte[] png = DigitPng.render(TestDigits.mnist(0), 28, 1);
        JsonNode prediction = body(mvc.perform(post("/api/runs/" + id + "/predict")
                        .header("Authorization", ApiClient.bearer(viewer))
                        .contentType(MediaType.IMAGE_PNG).content(png))
                .andExpect(status().isOk()).andReturn());
        assertProbabilities(prediction, TestDigits.label(0));

        // the same digit drawn on a 140×140 pad goes through the playground's preprocessing, sent as a form upload
        GrayImage pad = TestDigits.mnistOnPad(0);
        byte[] large = DigitPng.render(pad.pixels(), pad.width(), 1);
        JsonNode fromPad = body(mvc.perform(multipart("/api/runs/" + id + "/predict")
                        .file(new MockMultipartFile("image", "seven.png", "image/png", large))
                        .header("Authorization", ApiClient.bearer(viewer)))
                .andExpect(status().isOk()).andReturn());
        assertProbabilities(fromPad, TestDigits.label(0));

        mvc.perform(post("/api/runs/" + id + "/predict").header("Authorization", ApiClient.bearer(viewer))
                        .contentType(MediaType.IMAGE_PNG).content(DigitPng.render(new byte[16 * 16], 16, 1)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("The image must be between 28×28 and 1024×1024 pixels, was 16×16"));
    }

    private static void assertProbabilities(JsonNode prediction, int label) {
        List<Double> p = new ArrayList<>();
        prediction.get("probabilities").forEach(n -> p.add(n.asDouble()));
        assertThat(p).hasSize(10);
        assertThat(p.stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-4));
        assertThat(prediction.get("digit").asInt()).isEqualTo(label);
        assertThat(p.indexOf(p.stream().max(Double::compare).orElseThrow())).isEqualTo(label);
    }

    @Test
    void the_per_user_limit_answers_429_and_the_owner_cancels_through_the_api() throws Exception {
        String longRun = "{\"architecture\": \"mlp\", \"epochs\": 20, \"trainSubset\": 6000}";
        List<Long> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                ids.add(body(mvc.perform(post("/api/runs").header("Authorization", ApiClient.bearer(bob))
                                .contentType(MediaType.APPLICATION_JSON).content(longRun))
                        .andExpect(status().isCreated()).andReturn()).get("id").asLong());
            }
            MvcResult refused = mvc.perform(post("/api/runs").header("Authorization", ApiClient.bearer(bob))
                            .contentType(MediaType.APPLICATION_JSON).content(longRun))
                    .andExpect(status().isTooManyRequests()).andReturn();
            assertThat(body(refused).get("error").asText()).contains("You already have 3 runs queued or running");

            mvc.perform(post("/api/runs/" + ids.get(2) + "/cancel").header("Authorization", ApiClient.bearer(alice)))
                    .andExpect(status().isForbidden());
            for (long id : ids) {
                mvc.perform(post("/api/runs/" + id + "/cancel").header("Authorization", ApiClient.bearer(bob)))
                        .andExpect(status().isOk());
            }
            assertThat(runs.awaitEnd(ids.get(2)).status()).isEqualTo(RunStatus.CANCELLED);
        } finally {
            runs.stopActiveRuns();
        }
    }

    @Test
    void failures_answer_json_without_stack_traces_or_server_paths() throws Exception {
        MvcResult missing = mvc.perform(get("/api/runs/987654321").header("Authorization", ApiClient.bearer(viewer)))
                .andExpect(status().isNotFound()).andReturn();
        assertThat(body(missing).get("error").asText()).isEqualTo("Run 987654321 does not exist");

        long id = storedRunOf("api-alice");
        MvcResult noModel = mvc.perform(get("/api/runs/" + id + "/model").header("Authorization", ApiClient.bearer(viewer)))
                .andExpect(status().isNotFound()).andReturn();
        MvcResult notPng = mvc.perform(post("/api/runs/" + id + "/predict").header("Authorization", ApiClient.bearer(viewer))
                        .contentType(MediaType.IMAGE_PNG).content("not a picture".getBytes()))
                .andExpect(status().isBadRequest()).andReturn();
        MvcResult badFilter = mvc.perform(get("/api/runs?model=resnet").header("Authorization", ApiClient.bearer(viewer)))
                .andExpect(status().isBadRequest()).andReturn();
        assertThat(body(badFilter).get("error").asText()).startsWith("Unknown model 'resnet'");
        queue.delete(id);
        for (MvcResult r : List.of(missing, noModel, notPng, badFilter)) {
            String text = r.getResponse().getContentAsString();
            assertThat(text).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain(System.getProperty("user.dir"));
        }
    }

    @Test
    void the_openapi_description_is_open_and_documents_the_bearer_scheme() throws Exception {
        JsonNode docs = body(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn());
        assertThat(docs.get("paths").has("/api/runs")).isTrue();
        assertThat(docs.get("paths").has("/api/runs/{id}/predict")).isTrue();
        assertThat(docs.get("components").get("securitySchemes").get("bearer").get("scheme").asText()).isEqualTo("bearer");
    }
}
