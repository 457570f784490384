package org.mnistlab.base;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Binds directory settings as plain file-system paths. Spring's default goes through its Resource
 * machinery, which rejects relative paths such as {@code ../shared/datasets}.
 */
@Component
@ConfigurationPropertiesBinding
public class PathConverter implements Converter<String, Path> {

    @Override
    public Path convert(String source) {
        return Path.of(source);
    }
}
