package org.mnistlab.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose files keep the app's safe default (no Docker daemon here to run them): the container listens on
 * every interface, since only its published port reaches it, and that port is published on 127.0.0.1 unless
 * HOST_ADDRESS says otherwise.
 */
class DockerComposeTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> app(String file) throws IOException {
        try (Reader in = Files.newBufferedReader(Path.of("docker", file))) {
            Map<String, Object> compose = new Yaml().load(in);
            Map<String, Object> services = (Map<String, Object>) compose.get("services");
            return (Map<String, Object>) services.get("mnist-lab");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"compose.yaml", "compose-spark.yaml"})
    @SuppressWarnings("unchecked")
    void the_app_listens_inside_its_container_and_is_published_on_localhost_only(String file) throws IOException {
        Map<String, Object> app = app(file);
        Map<String, Object> environment = (Map<String, Object>) app.get("environment");
        assertThat(environment).containsEntry("MNISTLAB_ADDRESS", "0.0.0.0");
        assertThat((List<String>) app.get("ports")).containsExactly("${HOST_ADDRESS:-127.0.0.1}:${PORT:-8080}:8080");
    }

    @ParameterizedTest
    @ValueSource(strings = {"compose.yaml", "compose-spark.yaml"})
    @SuppressWarnings("unchecked")
    void every_other_published_port_is_for_this_machine_only(String file) throws IOException {
        try (Reader in = Files.newBufferedReader(Path.of("docker", file))) {
            Map<String, Object> compose = new Yaml().load(in);
            ((Map<String, Map<String, Object>>) compose.get("services")).forEach((name, service) -> {
                for (Object port : (List<Object>) service.getOrDefault("ports", List.of())) {
                    assertThat(String.valueOf(port)).as(name).matches("(127\\.0\\.0\\.1|\\$\\{HOST_ADDRESS:-127\\.0\\.0\\.1\\}):.*");
                }
            });
        }
    }
}
