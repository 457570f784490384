package org.nd4j.nativeblas;

/**
 * Compatibility shim, not MNIST Lab code. DL4J 1.0.0-M2.1 decides whether to use its oneDNN layer helpers
 * by reflecting on {@code org.nd4j.nativeblas.Nd4jCpu$Environment#isUseMKLDNN}, a class that moved to
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment#isUseONEDNN}. Without this class the
 * check fails and conv, pooling and batch-norm layers fall back to slow built-in code.
 */
public final class Nd4jCpu {

    private Nd4jCpu() {
    }

    public static final class Environment {

        private static final Environment INSTANCE = new Environment();

        public static Environment getInstance() {
            return INSTANCE;
        }

        public boolean isUseMKLDNN() {
            return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        }
    }
}
