package org.mnistlab.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NativeBackendTest {

    @Test
    void native_helper_threads_sleep_once_the_maths_is_done() throws Exception {
        NativeBackend.configure();
        INDArray a = Nd4j.rand(DataType.FLOAT, 512, 512);
        for (int i = 0; i < 20; i++) {
            a.mmul(a).addi(a).sum(); // OpenBLAS's threads for the products, OpenMP's for the other ops
        }
        long before = nativeThreadTicks();
        Thread.sleep(300);
        long spent = nativeThreadTicks() - before;

        // a spinning OpenBLAS worker burns ~0.1 s (10 ticks) here; one spinning OpenMP thread all 0.3 s
        assertThat(spent).as("CPU ticks (1/100 s) of the native threads while no maths ran").isLessThan(4);
        assertThat(NativeBackend.openBlasThreadTimeout()).isEqualTo("4");
        assertThat(NativeBackend.openMpWaitPolicy()).isEqualTo("PASSIVE");
    }

    /**
     * User + system CPU ticks of the threads that native libraries started: they keep the launcher's name
     * ("java"), while the JVM names its own threads; this test's thread is left out.
     */
    private static long nativeThreadTicks() throws IOException {
        String self = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
        long ticks = 0;
        List<Path> tasks;
        try (Stream<Path> s = Files.list(Path.of("/proc/self/task"))) {
            tasks = s.filter(t -> !t.getFileName().toString().equals(self)).toList();
        }
        for (Path task : tasks) {
            try {
                if (!Files.readString(task.resolve("comm")).strip().equals("java")) {
                    continue;
                }
                String stat = Files.readString(task.resolve("stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
            } catch (IOException gone) {
                // the thread ended meanwhile
            }
        }
        return ticks;
    }
}
