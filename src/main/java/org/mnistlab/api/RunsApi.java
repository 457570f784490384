package org.mnistlab.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.playground.DigitPreprocessor;
import org.mnistlab.playground.Prediction;
import org.mnistlab.playground.Predictor;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunFilter;
import org.mnistlab.training.RunQueue;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunSort;
import org.mnistlab.training.RunStatus;
import org.mnistlab.training.RunStore;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Runs for scripts: list, read, submit, cancel, delete, download the model, predict. Every rule (roles, owners,
 * limits, validation) is the run queue's, as in the UI; this class only translates.
 */
@RestController
@RequestMapping(path = "/api/runs", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Runs")
@SecurityRequirement(name = ApiSecurityConfig.BEARER)
class RunsApi {

    static final int MAX_PAGE = 500;
    /** A digit picture has no business being larger (1024×1024 RGBA PNG stays far below). */
    static final int MAX_IMAGE_BYTES = 4 << 20;

    private final RunQueue queue;
    private final RunStore store;
    private final Predictor predictor;
    private final DigitPreprocessor preprocessor;

    RunsApi(RunQueue queue, RunStore store, Predictor predictor, DigitPreprocessor preprocessor) {
        this.queue = queue;
        this.store = store;
        this.predictor = predictor;
        this.preprocessor = preprocessor;
    }

    @GetMapping
    @Operation(summary = "List runs, newest first, filtered as the runs grid filters")
    RunPageJson list(@Parameter(description = "mnist or fashion-mnist") @RequestParam(required = false) String dataset,
                     @Parameter(description = "logistic, mlp, cnn, regcnn, lenet5 or compact")
                     @RequestParam(required = false) String model,
                     @Parameter(description = "queued, running, finished, failed, cancelled or interrupted")
                     @RequestParam(required = false) String status,
                     @Parameter(description = "only the runs the caller queued") @RequestParam(defaultValue = "false")
                     boolean mine,
                     @Parameter(description = "text in the run's name") @RequestParam(required = false) String q,
                     @RequestParam(defaultValue = "0") int offset,
                     @RequestParam(defaultValue = "50") int limit) {
        RunFilter filter = new RunFilter(dataset == null ? null : DatasetKind.fromId(dataset),
                model == null ? null : Architecture.fromId(model), status == null ? null : status(status), q);
        if (mine) {
            String me = queue.currentUser().orElse(null);
            if (me == null) {
                return new RunPageJson(0, offset, java.util.List.of());
            }
            filter = filter.withOwner(me);
        }
        int size = Math.max(0, Math.min(limit, MAX_PAGE));
        return new RunPageJson(store.count(filter), offset,
                store.find(filter, RunSort.NEWEST_FIRST, offset, size).stream().map(RunJson::of).toList());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One run with its finished epochs and, once finished, its test-set evaluation")
    RunDetailsJson get(@PathVariable long id) {
        return store.report(id).map(RunDetailsJson::of).orElseThrow(() -> new RunNotFoundException(id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Queue a run (trainer role)", description = "The body holds the settings to change from "
            + "the model's defaults, named as in a run's config, e.g. {\"architecture\": \"mlp\", \"hiddenLayers\": "
            + "[256], \"epochs\": 3, \"trainSubset\": 2000, \"augmentation\": {\"maxRotationDegrees\": 10}}. "
            + "400: {error, fields: {setting: message}}; 429: a limit of runs or memory.")
    ResponseEntity<RunJson> submit(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            schema = @Schema(type = "object", example = "{\"architecture\": \"logistic\", \"epochs\": 1, "
                    + "\"trainSubset\": 1000}"))) @RequestBody JsonNode settings) {
        RunConfig config = ConfigJson.parse(settings);
        RunRecord run = queue.submit(config, queue.currentUser().orElse(null));
        return ResponseEntity.created(URI.create("/api/runs/" + run.id())).body(RunJson.of(run));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a queued or running run (its owner or an admin); a finished run stays as it is")
    RunJson cancel(@PathVariable long id) {
        RunRecord run = existing(id);
        queue.cancel(run.id());
        return RunJson.of(existing(id));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a run, its metrics and model file (its owner or an admin)")
    ResponseEntity<Void> delete(@PathVariable long id) {
        existing(id);
        queue.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/{id}/model", produces = "application/zip")
    @Operation(summary = "Download the trained model (a DL4J MultiLayerNetwork zip)")
    ResponseEntity<Resource> model(@PathVariable long id) {
        existing(id);
        Path file = store.modelFile(id).orElseThrow(() -> new NoModelException(id));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("run-" + id + ".zip").build().toString())
                .contentType(MediaType.parseMediaType("application/zip"))
                .body(new FileSystemResource(file));
    }

    @PostMapping(path = "/{id}/predict", consumes = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "Classify a PNG digit (28×28 as MNIST stores them, or larger: prepared as a drawing)")
    PredictionJson predict(@PathVariable long id, @RequestBody byte[] png) {
        if (png.length > MAX_IMAGE_BYTES) {
            throw new IllegalArgumentException("The image has more than " + (MAX_IMAGE_BYTES >> 20) + " MB");
        }
        Prediction p = predictor.predict(id, preprocessor.networkInput(PngImages.decode(png)));
        return new PredictionJson(id, p.modelName(), p.digit(), p.confidence(), p.probabilities());
    }

    @PostMapping(path = "/{id}/predict", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Classify a PNG digit sent as the form part \"image\" (curl -F image=@digit.png)")
    PredictionJson predictUpload(@PathVariable long id, @RequestPart("image") MultipartFile image)
            throws java.io.IOException {
        return predict(id, image.getBytes());
    }

    private RunRecord existing(long id) {
        return store.findById(id).orElseThrow(() -> new RunNotFoundException(id));
    }

    private static RunStatus status(String text) {
        try {
            return RunStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown status '" + text
                    + "': use queued, running, finished, failed, cancelled or interrupted");
        }
    }

    /** The run has no model file (not finished, or the file is gone). */
    static final class NoModelException extends RuntimeException {
        NoModelException(long id) {
            super("Run " + id + " has no model file: it has not finished, or its file was deleted");
        }
    }
}
