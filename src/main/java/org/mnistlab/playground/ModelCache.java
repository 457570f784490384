package org.mnistlab.playground;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mnistlab.base.UserMessages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Loaded networks, up to a capacity, so switching between models is instant after their first load;
 * beyond it, Caffeine evicts the model least likely to be used again (by recency and frequency). Keyed by
 * file, size and modification time: a re-saved model is loaded afresh. A model is loaded once even when
 * several users ask for it at the same time; loading does not block predictions with other, cached models.
 * <p>
 * An evicted network is not closed: a prediction may still be using it. The garbage collector frees its
 * buffers once nobody holds it.
 */
@Component
public class ModelCache {

    private final int capacity;
    private final Cache<Key, MultiLayerNetwork> networks;

    public ModelCache(@Value("${mnistlab.playground.model-cache-size:4}") int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("The model cache needs room for at least one model");
        }
        this.capacity = capacity;
        // Evicts on the caller's thread, so the cache never holds more than capacity models between calls.
        this.networks = Caffeine.newBuilder().maximumSize(capacity).executor(Runnable::run).build();
    }

    private record Key(Path file, long size, long modified) {
    }

    /**
     * The network saved in {@code file}, loaded on first use.
     *
     * @throws ModelUnavailableException when the file is missing or is not a readable DL4J network
     */
    public MultiLayerNetwork get(Path file) {
        return networks.get(keyOf(file), key -> load(file));
    }

    /** Whether this file's current version is loaded. Does not count as a use. */
    public boolean contains(Path file) {
        try {
            return networks.asMap().containsKey(keyOf(file));
        } catch (ModelUnavailableException e) {
            return false;
        }
    }

    public int size() {
        networks.cleanUp();
        return (int) networks.estimatedSize();
    }

    public int capacity() {
        return capacity;
    }

    private static MultiLayerNetwork load(Path file) {
        try {
            return MultiLayerNetwork.load(file.toFile(), false);
        } catch (Exception | Error e) {
            throw new ModelUnavailableException(
                    "The model file " + file.getFileName() + " cannot be read (" + reason(e) + ")", e);
        }
    }

    private static Key keyOf(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            return new Key(absolute, Files.size(absolute), Files.getLastModifiedTime(absolute).toMillis());
        } catch (NoSuchFileException e) {
            throw new ModelUnavailableException("The model file " + file.getFileName() + " is missing", e);
        } catch (IOException e) {
            throw new ModelUnavailableException("The model file " + file.getFileName() + " cannot be read ("
                    + UserMessages.withoutPaths(e.getMessage()) + ")", e);
        }
    }

    private static String reason(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName()
                + (message == null || message.isBlank() ? "" : ": " + UserMessages.withoutPaths(message));
    }
}
