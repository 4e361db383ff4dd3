package io.jgym.generative.vae;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.DeConv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Builds the convolutional VAE as one SameDiff graph from its settings ({@link ConvVaeSettings}) and the image
 * shape. Encoder: 3x3 stride-2 convolutions with ReLU, a dense ReLU layer, then the mean and log
 * variance of q(z|x). The latent is {@code z = mu + exp(logvar / 2) * eps} with the noise
 * {@code eps} fed as a placeholder (SameDiff's own random ops either repeat the same draw or fix
 * the batch size). Decoder: a dense ReLU layer reshaped to the last convolution's shape, then 4x4
 * stride-2 transposed convolutions back to full size, the last of which gives the pixel logits (an
 * extra 3x3 convolution there, as in the Keras example, made a step five times slower, because
 * DL4J's convolution backward pass is slow on CPU); sigmoid(logits) are the pixel means. The loss
 * per image is the negative log-likelihood of the settings' {@link Likelihood} summed over pixels
 * plus KL(q(z|x) || N(0, I)), averaged over the minibatch. The
 * decoder is applied twice with the same weights: to the sampled {@code z} for training, and to
 * the placeholder {@link #CODE} for generating from given codes.
 */
public final class ConvVaeGraph {
    /** Placeholder: images, flat [B, channels * height * width] in [0, 1]. */
    public static final String IMAGES = "x";
    /** Placeholder: standard normal noise [B, latent] for the reparameterisation. */
    public static final String NOISE = "eps";
    /** Placeholder: latent codes [N, latent] to decode. */
    public static final String CODE = "code";
    /** Output: the mean of q(z|x), [B, latent]. */
    public static final String MEAN = "mean";
    /** Output: mean over the minibatch of the negative log-likelihood, -log p(x|z) (nats per image). */
    public static final String RECONSTRUCTION = "reconstruction";
    /** Output: mean over the minibatch of KL(q(z|x) || N(0, I)) (nats per image). */
    public static final String KL = "kl";
    /** Output and training loss: reconstruction plus KL, the negative ELBO per image. */
    public static final String LOSS = "loss";
    /** Output: reconstructions of the images, flat [B, pixels] in [0, 1]. */
    public static final String RECONSTRUCTED = "reconstructed";
    /** Output: images decoded from {@link #CODE}, flat [N, pixels] in [0, 1]. */
    public static final String DECODED = "decoded";

    /** Floor of the Gaussian likelihood's variance: a standard deviation of 0.001, far below one 8-bit step. */
    private static final double MIN_VARIANCE = 1e-6;

    private ConvVaeGraph() {
    }

    /**
     * Refuses images the encoder cannot halve once per filter.
     *
     * @throws IllegalArgumentException if the image size is not divisible by 2^filters
     */
    public static void checkShape(ConvVaeSettings config, int height, int width) {
        int halvings = config.filters().size();
        if (height % (1 << halvings) != 0 || width % (1 << halvings) != 0) {
            throw new IllegalArgumentException(height + "x" + width + " images cannot be halved " + halvings
                    + " times; use images whose sides divide by " + (1 << halvings) + " or fewer --filters");
        }
    }

    /** The weights of the decoder, shared by its two uses. */
    private record Decoder(SDVariable denseW, SDVariable denseB, List<SDVariable> deconvW, List<SDVariable> deconvB) {
    }

    /**
     * A new, randomly initialised graph ready to train {@code iterations} minibatches with {@link DecayingAdam}.
     *
     * @throws IllegalArgumentException if the image size is not divisible by 2^filters
     */
    public static SameDiff build(ConvVaeSettings config, int channels, int height, int width, long iterations) {
        checkShape(config, height, width);
        int halvings = config.filters().size();
        Random random = new Random(config.seed());
        SameDiff sd = SameDiff.create();
        int pixels = channels * height * width;
        int latent = config.latentSize();
        SDVariable images = sd.placeHolder(IMAGES, DataType.FLOAT, -1, pixels);
        SDVariable noise = sd.placeHolder(NOISE, DataType.FLOAT, -1, latent);
        SDVariable code = sd.placeHolder(CODE, DataType.FLOAT, -1, latent);

        SDVariable h = images.reshape(-1, channels, height, width);
        Conv2DConfig halving = Conv2DConfig.builder().kH(3).kW(3).sH(2).sW(2).paddingMode(PaddingMode.SAME)
                .dataFormat("NCHW").build();
        int in = channels;
        for (int i = 0; i < halvings; i++) {
            int out = config.filters().get(i);
            SDVariable w = sd.var("enc" + i + "_w", he(random, 9 * in, 3, 3, in, out));
            SDVariable b = sd.var("enc" + i + "_b", Nd4j.zeros(DataType.FLOAT, out));
            h = sd.nn().relu(sd.cnn().conv2d(h, w, b, halving), 0);
            in = out;
        }
        int smallH = height >> halvings;
        int smallW = width >> halvings;
        int flat = in * smallH * smallW;
        h = h.reshape(-1, flat);
        h = dense(sd, random, "enc_dense", h, flat, config.denseWidth(), true);
        SDVariable mean = dense(sd, random, "enc_mean", h, config.denseWidth(), latent, false);
        sd.updateVariableNameAndReference(mean, MEAN);
        SDVariable logVariance = dense(sd, random, "enc_logvar", h, config.denseWidth(), latent, false);
        SDVariable z = mean.add(sd.math().exp(logVariance.mul(0.5)).mul(noise));

        Decoder decoder = decoderWeights(sd, random, config, channels, in, flat);
        SDVariable logits = decode(sd, decoder, z, in, smallH, smallW, pixels);
        SDVariable reconstruction = config.likelihood() == Likelihood.GAUSSIAN
                ? gaussianNll(sd, images, logits, pixels) : bernoulliNll(sd, images, logits);
        SDVariable perImageKl = logVariance.add(1).sub(mean.mul(mean)).sub(sd.math().exp(logVariance)).sum(1).mul(-0.5);
        SDVariable kl = sd.mean(KL, perImageKl);
        reconstruction.add(LOSS, kl);
        sd.nn().sigmoid(RECONSTRUCTED, logits);
        sd.nn().sigmoid(DECODED, decode(sd, decoder, code, in, smallH, smallW, pixels));

        sd.setLossVariables(LOSS);
        sd.setTrainingConfig(TrainingConfig.builder().updater(DecayingAdam.of(config, iterations))
                .dataSetFeatureMapping(IMAGES, NOISE).markLabelsUnused().build());
        return sd;
    }

    /** Mean over the minibatch of -log p(x|z) for Bernoulli pixels, in the stable form max(l, 0) - x l + log(1 + exp(-|l|)). */
    private static SDVariable bernoulliNll(SameDiff sd, SDVariable images, SDVariable logits) {
        SDVariable perImage = sd.nn().relu(logits, 0).sub(images.mul(logits))
                .add(sd.math().log1p(sd.math().exp(sd.math().abs(logits).neg()))).sum(1);
        return sd.mean(RECONSTRUCTION, perImage);
    }

    /**
     * Mean over the minibatch of -log p(x|z) for Gaussian pixels around sigmoid(logits) with the
     * maximum-likelihood variance, the minibatch's mean squared error (floored at {@link #MIN_VARIANCE}):
     * pixels / 2 * log(2 pi variance) + pixels * mse / (2 variance) nats per image.
     */
    private static SDVariable gaussianNll(SameDiff sd, SDVariable images, SDVariable logits, int pixels) {
        SDVariable error = sd.nn().sigmoid(logits).sub(images);
        SDVariable mse = sd.mean(error.mul(error));
        SDVariable variance = mse.add(MIN_VARIANCE);
        return sd.math().log(variance.mul(2 * Math.PI)).mul(pixels / 2.0).add(RECONSTRUCTION, mse.div(variance).mul(pixels / 2.0));
    }

    private static Decoder decoderWeights(SameDiff sd, Random random, ConvVaeSettings config, int channels, int deepest, int flat) {
        int latent = config.latentSize();
        SDVariable denseW = sd.var("dec_dense_w", he(random, latent, latent, flat));
        SDVariable denseB = sd.var("dec_dense_b", Nd4j.zeros(DataType.FLOAT, flat));
        List<SDVariable> deconvW = new ArrayList<>();
        List<SDVariable> deconvB = new ArrayList<>();
        int in = deepest;
        for (int i = config.filters().size() - 1; i >= 0; i--) {
            int out = i > 0 ? config.filters().get(i - 1) : channels;
            deconvW.add(sd.var("dec" + i + "_w", he(random, 4 * in, 4, 4, out, in)));
            deconvB.add(sd.var("dec" + i + "_b", Nd4j.zeros(DataType.FLOAT, out)));
            in = out;
        }
        return new Decoder(denseW, denseB, deconvW, deconvB);
    }

    /** Pixel logits, flat [N, pixels], for latent codes {@code z}. */
    private static SDVariable decode(SameDiff sd, Decoder d, SDVariable z, int deepest, int smallH, int smallW, int pixels) {
        SDVariable h = sd.nn().relu(z.mmul(d.denseW()).add(d.denseB()), 0).reshape(-1, deepest, smallH, smallW);
        int last = d.deconvW().size() - 1;
        for (int i = 0; i <= last; i++) {
            h = sd.cnn().deconv2d(h, d.deconvW().get(i), d.deconvB().get(i),
                    DeConv2DConfig.builder().kH(4).kW(4).sH(2).sW(2).isSameMode(true).dataFormat("NCHW").build());
            h = i < last ? sd.nn().relu(h, 0) : h;
        }
        return h.reshape(-1, pixels);
    }

    private static SDVariable dense(SameDiff sd, Random random, String name, SDVariable input, int in, int out, boolean relu) {
        SDVariable w = sd.var(name + "_w", he(random, in, in, out));
        SDVariable b = sd.var(name + "_b", Nd4j.zeros(DataType.FLOAT, out));
        SDVariable z = input.mmul(w).add(b);
        return relu ? sd.nn().relu(z, 0) : z;
    }

    /** He-normal weights of the given shape for a layer with {@code fanIn} inputs per output. */
    private static INDArray he(Random random, int fanIn, long... shape) {
        long count = 1;
        for (long s : shape) {
            count *= s;
        }
        float[] values = new float[(int) count];
        double std = Math.sqrt(2.0 / fanIn);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * std);
        }
        return Nd4j.create(values, shape, 'c');
    }
}
