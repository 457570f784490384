package org.mnistlab.playground;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The last few loaded networks (least recently used goes first), so switching between models is instant
 * after their first load. Keyed by file, size and modification time: a re-saved model is loaded afresh.
 * A model is loaded once even when several users ask for it at the same time; loading does not block
 * predictions with other, cached models.
 */
@Component
public class ModelCache {

    private final int capacity;
    private final LinkedHashMap<Key, CompletableFuture<MultiLayerNetwork>> networks =
            new LinkedHashMap<>(16, 0.75f, true);

    public ModelCache(@Value("${mnistlab.playground.model-cache-size:4}") int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("The model cache needs room for at least one model");
        }
        this.capacity = capacity;
    }

    private record Key(Path file, long size, long modified) {
    }

    /**
     * The network saved in {@code file}, loaded on first use.
     *
     * @throws ModelUnavailableException when the file is missing or is not a readable DL4J network
     */
    public MultiLayerNetwork get(Path file) {
        Key key = keyOf(file);
        CompletableFuture<MultiLayerNetwork> entry;
        boolean mine = false;
        synchronized (networks) {
            entry = networks.get(key);
            if (entry == null) {
                entry = new CompletableFuture<>();
                networks.put(key, entry);
                mine = true;
                evictBeyondCapacity();
            }
        }
        if (mine) {
            try {
                entry.complete(MultiLayerNetwork.load(file.toFile(), false));
            } catch (Exception | Error e) {
                synchronized (networks) {
                    networks.remove(key, entry);
                }
                entry.completeExceptionally(new ModelUnavailableException(
                        "The model file " + file.getFileName() + " cannot be read (" + reason(e) + ")", e));
            }
        }
        try {
            return entry.get();
        } catch (ExecutionException e) {
            throw (ModelUnavailableException) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelUnavailableException("Loading " + file.getFileName() + " was interrupted", e);
        }
    }

    /** Whether this file's current version is loaded (or loading). */
    public boolean contains(Path file) {
        try {
            Key key = keyOf(file);
            synchronized (networks) {
                return networks.containsKey(key);
            }
        } catch (ModelUnavailableException e) {
            return false;
        }
    }

    public int size() {
        synchronized (networks) {
            return networks.size();
        }
    }

    public int capacity() {
        return capacity;
    }

    private void evictBeyondCapacity() {
        Iterator<Map.Entry<Key, CompletableFuture<MultiLayerNetwork>>> eldest = networks.entrySet().iterator();
        while (networks.size() > capacity && eldest.hasNext()) {
            eldest.next();
            eldest.remove();
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
                    + e.getMessage() + ")", e);
        }
    }

    private static String reason(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
