package org.mnistlab.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mnistlab.training.BackendInfo;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the server trains on, so figures taken through the API (e.g. {@code bench --server}) say which machine. */
@RestController
@Tag(name = "Server")
@SecurityRequirement(name = ApiSecurityConfig.BEARER)
class ServerApi {

    private final BackendInfo backend;

    ServerApi(BackendInfo backend) {
        this.backend = backend;
    }

    @GetMapping(path = "/api/server", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The server's training backend: native build, CPUs, heap and library versions")
    ServerJson server() {
        return ServerJson.of(backend, Runtime.getRuntime());
    }
}
