package org.mnistlab.base;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Chooses the ND4J native build before ND4J loads. The jar carries two oneDNN builds: one for AVX-512
 * processors (fastest here) and a portable one for any x86-64; loading the AVX-512 one elsewhere would crash.
 * Also enables DL4J's oneDNN layer helpers, which M2.1 switches off by default, and caches array shapes
 * ({@link CachingShapeInfoProvider}).
 */
public final class NativeBackend {

    static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";
    /** ND4J reads its backend's classes from system properties first, then from nd4j-native.properties. */
    static final String SHAPE_INFO_PROVIDER_PROPERTY = "shapeinfoprovider";
    static final String OMP_WAIT_POLICY = "OMP_WAIT_POLICY";
    static final String OPENBLAS_THREAD_TIMEOUT = "OPENBLAS_THREAD_TIMEOUT";

    private NativeBackend() {
    }

    /** Sets the system properties that decide the native build; idempotent, and an explicit -D wins. */
    public static void configure() {
        if (System.getProperty(EXTENSION_PROPERTY) == null) {
            System.setProperty(EXTENSION_PROPERTY, extensionFor(cpuFlags()));
        }
        if (System.getProperty("org.eclipse.deeplearning4j.helpers.disable") == null) {
            System.setProperty("org.eclipse.deeplearning4j.helpers.disable", "false");
        }
        if (System.getProperty(SHAPE_INFO_PROVIDER_PROPERTY) == null) {
            System.setProperty(SHAPE_INFO_PROVIDER_PROPERTY, CachingShapeInfoProvider.class.getName());
        }
        letIdleNativeThreadsSleep();
        limitMallocArenas();
    }

    /** glibc's malloc, called through JNA: only what {@link #limitMallocArenas()} needs. */
    private interface GlibcMalloc extends com.sun.jna.Library {
        int M_ARENA_MAX = -8;

        int mallopt(int param, int value);
    }

    /**
     * ND4J and oneDNN allocate natively from several threads; glibc then opens up to 8 × cores malloc
     * arenas of 64 MiB that stay resident (measured: ~400 MiB of a 1.4 GiB training process). Two arenas
     * keep the regularized CNN's peak RSS well below 1.5 GiB at no measurable speed cost.
     */
    private static void limitMallocArenas() {
        if (System.getenv("MALLOC_ARENA_MAX") != null) {
            return;
        }
        try {
            GlibcMalloc libc = com.sun.jna.Native.load("c", GlibcMalloc.class);
            libc.mallopt(GlibcMalloc.M_ARENA_MAX, 2);
        } catch (RuntimeException | LinkageError e) {
            // not glibc: nothing to tune
        }
    }

    /**
     * Idle helper threads that spin fight the training threads, the JVM's compiler and each other for the
     * cores, so both native thread pools are told to sleep when they have no work. OpenMP's (ND4J's ops,
     * oneDNN) spin unless OMP_WAIT_POLICY is PASSIVE (MLP +50-70 % with it on 2 cores). OpenBLAS's worker
     * spins on sched_yield for 2^28 cycles (about 0.1 s) after every product before it sleeps: the CNNs call
     * it more often than that, so it never slept and took 60-70 % of a core (perf); OPENBLAS_THREAD_TIMEOUT=4
     * makes it sleep after 16 cycles (simple CNN +41 %, regularized CNN +9 % in A/B runs). Both libraries read
     * their variable once, when ND4J's native library loads, so it is set in this process's environment
     * (through libc; JNA comes with DL4J) unless the user set it.
     */
    private static void letIdleNativeThreadsSleep() {
        setEnvironmentUnlessSet(OMP_WAIT_POLICY, "PASSIVE");
        setEnvironmentUnlessSet(OPENBLAS_THREAD_TIMEOUT, "4");
    }

    private static void setEnvironmentUnlessSet(String name, String value) {
        try {
            com.sun.jna.platform.unix.LibC.INSTANCE.setenv(name, value, 0);
        } catch (RuntimeException | LinkageError e) {
            // not a Unix libc: the library keeps its default
        }
    }

    /** The OpenMP wait policy ND4J's threads get, as the process environment says now. */
    public static String openMpWaitPolicy() {
        return environment(OMP_WAIT_POLICY);
    }

    /** How long (2^n cycles) OpenBLAS's idle worker spins before it sleeps, as the process environment says. */
    public static String openBlasThreadTimeout() {
        return environment(OPENBLAS_THREAD_TIMEOUT);
    }

    private static String environment(String name) {
        try {
            String value = com.sun.jna.platform.unix.LibC.INSTANCE.getenv(name);
            return value == null ? "default" : value;
        } catch (RuntimeException | LinkageError e) {
            return System.getenv().getOrDefault(name, "default");
        }
    }

    /** The JavaCPP platform extension for a processor with these /proc/cpuinfo flags. */
    static String extensionFor(String cpuFlags) {
        String flags = " " + cpuFlags.toLowerCase(Locale.ROOT) + " ";
        boolean avx512 = flags.contains(" avx512f ") && flags.contains(" avx512bw ") && flags.contains(" avx512vl ");
        return avx512 ? "-onednn-avx512" : "-onednn";
    }

    /** Whether ND4J loads (or will load) its AVX-512 build: what this processor runs oneDNN's fastest kernels on. */
    public static boolean avx512Build() {
        return description().contains("avx512");
    }

    /** The chosen build, for logs and run records, e.g. "CPU linux-x86_64-onednn-avx512". */
    public static String description() {
        return "CPU linux-x86_64" + System.getProperty(EXTENSION_PROPERTY, "");
    }

    private static String cpuFlags() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return "";
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith("flags")).findFirst().orElse("");
        } catch (IOException e) {
            return "";
        }
    }
}
