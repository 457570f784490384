package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store file locked by another process stops the start-up with a clear message, before H2 is opened. */
class RunStoreLockCheckTest {

    @TempDir
    Path dir;

    @Test
    void refuses_a_store_file_another_process_holds_and_accepts_it_once_released() throws Exception {
        Path file = Files.write(dir.resolve("mnistlab.mv.db"), new byte[16]);
        assertThatCode(() -> RunStoreLockCheck.check(file)).doesNotThrowAnyException();

        // Another JVM locks the file as H2 does, standing in for a CLI `train`.
        Path holderSource = Files.writeString(dir.resolve("Hold.java"), """
                import java.nio.channels.FileChannel;
                import java.nio.file.*;
                class Hold {
                    public static void main(String[] a) throws Exception {
                        FileChannel c = FileChannel.open(Path.of(a[0]), StandardOpenOption.READ, StandardOpenOption.WRITE);
                        c.lock();
                        System.out.println("locked");
                        Thread.sleep(60_000);
                    }
                }""");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process holder = new ProcessBuilder(java, holderSource.toString(), file.toString()).start();
        try {
            assertThat(new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream())).readLine())
                    .isEqualTo("locked");
            assertThatThrownBy(() -> RunStoreLockCheck.check(file))
                    .isInstanceOf(RunStoreLockCheck.StoreInUseException.class)
                    .hasMessage("The run store " + file + " is in use by another process");
        } finally {
            holder.destroy();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
        assertThatCode(() -> RunStoreLockCheck.check(file)).doesNotThrowAnyException();
    }

    @Test
    void a_missing_store_file_is_left_to_h2_to_create() {
        assertThatCode(() -> RunStoreLockCheck.check(dir.resolve("mnistlab.mv.db"))).doesNotThrowAnyException();
        assertThat(dir.resolve("mnistlab.mv.db")).doesNotExist();
    }
}
