package org.mnistlab.training;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.bytedeco.javacpp.Loader;
import org.mnistlab.base.NativeBackend;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What actually runs the maths: which ND4J native library JavaCPP loaded, whether oneDNN is on, and the
 * library versions. Logged once at start-up and stored with every run.
 */
@Component
public class BackendInfo {

    private static final Logger log = LoggerFactory.getLogger(BackendInfo.class);

    private final Map<String, String> versions;

    public BackendInfo() {
        NativeBackend.configure();
        Nd4j.getBackend(); // loads the native library now, so what we report is what runs
        Map<String, String> v = new LinkedHashMap<>();
        v.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        v.put("dl4j", mavenVersion("org.deeplearning4j", "deeplearning4j-nn"));
        v.put("nd4j", mavenVersion("org.nd4j", "nd4j-api"));
        v.put("backend", backend());
        v.put("onednn", String.valueOf(oneDnnEnabled()));
        v.put("dl4jHelpers", String.valueOf(!"true".equals(System.getProperty("org.eclipse.deeplearning4j.helpers.disable"))));
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        v.put("blas", String.valueOf(env.getOrDefault("blas.vendor", "?")));
        v.put("ompThreads", String.valueOf(env.getOrDefault("omp.threads", "?")));
        v.put("ompWaitPolicy", NativeBackend.openMpWaitPolicy());
        v.put("blasThreadTimeout", NativeBackend.openBlasThreadTimeout());
        v.put("batchNormTraining", TrainingBatchNorm.VERSION);
        v.put("inputConvolutionGradient", InputConvolutionLayer.VERSION);
        this.versions = Map.copyOf(v);
        log.info("ND4J backend: {} (native library {}), oneDNN {}, DL4J helpers {}, BLAS {}, {} OpenMP threads "
                        + "(wait policy {}), BLAS thread timeout {}; DL4J {}, Java {}", v.get("backend"), nativeLibrary(),
                oneDnnEnabled() ? "on" : "OFF", v.get("dl4jHelpers").equals("true") ? "on" : "OFF", v.get("blas"),
                v.get("ompThreads"), v.get("ompWaitPolicy"), v.get("blasThreadTimeout"),
                v.get("dl4j"), v.get("java"));
    }

    /** java, dl4j, nd4j, backend, onednn, ... as stored with a run. */
    public Map<String, String> versions() {
        return versions;
    }

    /** "CPU linux-x86_64-onednn-avx512" etc.: the native build JavaCPP really loaded. */
    public String backend() {
        String library = nativeLibrary();
        String platform = Loader.getPlatform();
        int at = library.lastIndexOf(platform);
        if (at >= 0) {
            // .../org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64-onednn-avx512/libjnind4jcpu.so
            String rest = library.substring(at);
            int slash = rest.indexOf('/');
            return "CPU " + (slash > 0 ? rest.substring(0, slash) : rest);
        }
        return NativeBackend.description() + " (requested)";
    }

    /** Path of the loaded ND4J CPU JNI library, or "?" before it loads. */
    public static String nativeLibrary() {
        return Loader.getLoadedLibraries().entrySet().stream()
                .filter(e -> e.getKey().contains("nd4jcpu"))
                .map(Map.Entry::getValue)
                .findFirst().orElse("?");
    }

    public static boolean oneDnnEnabled() {
        try {
            return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String mavenVersion(String group, String artifact) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = BackendInfo.class.getResourceAsStream(resource)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "?");
            }
        } catch (IOException e) {
            // fall through to the manifest
        }
        String fromManifest = Nd4j.class.getPackage().getImplementationVersion();
        return fromManifest != null ? fromManifest : "?";
    }
}
