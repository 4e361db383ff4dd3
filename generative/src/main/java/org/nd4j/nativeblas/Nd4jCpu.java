package org.nd4j.nativeblas;

/**
 * A bridge for a class-name mismatch in deeplearning4j 1.0.0-M2.1, so that its oneDNN layer
 * helpers can engage. DL4J's {@code BaseMKLDNNHelper.mklDnnEnabled()} asks
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment.getInstance().isUseMKLDNN()} by reflection, but
 * ND4J M2.1 moved its bindings to {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu} (which has
 * no such method): the lookup fails, and every {@code ConvolutionLayer}, {@code SubsamplingLayer}
 * and {@code BatchNormalization} silently falls back to DL4J's own path (an {@code im2col} op into
 * a strided array plus a matrix product), which profiled at about half of a {@code conv-ae} step.
 * With this class present, the helpers run ND4J's {@code conv2d}, {@code maxpool2d} and
 * {@code batchnorm} ops (oneDNN kernels in the oneDNN builds of nd4j-native, ND4J's own otherwise),
 * as SameDiff does. It answers true only for a oneDNN build of nd4j-native (its build information
 * names {@code HAVE_ONEDNN}) while ND4J allows helpers: ND4J's own {@code conv2d} kernel made a
 * {@code conv-ae} step about twice as slow as DL4J's fallback, oneDNN's about eight times faster
 * (docs/benchmarks.md). {@link io.jgym.generative.LayerHelpers} lifts DL4J's default
 * {@code org.eclipse.deeplearning4j.helpers.disable=true}.
 */
public final class Nd4jCpu {
    private Nd4jCpu() {
    }

    /** What {@code BaseMKLDNNHelper} calls: {@code getInstance().isUseMKLDNN()}. */
    public static final class Environment {
        private static final Environment INSTANCE = new Environment();
        private final boolean oneDnn = NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo().contains("HAVE_ONEDNN");

        private Environment() {
        }

        public static Environment getInstance() {
            return INSTANCE;
        }

        public boolean isUseMKLDNN() {
            return oneDnn && org.nd4j.linalg.factory.Nd4j.getEnvironment().helpersAllowed();
        }
    }
}
