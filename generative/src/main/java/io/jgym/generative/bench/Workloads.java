package io.jgym.generative.bench;

import io.jgym.generative.autoencoder.AutoencoderNetworks;
import io.jgym.generative.autoencoder.ConvAutoencoderConfig;
import io.jgym.generative.data.ImageSet;
import io.jgym.generative.data.ImageSources;
import io.jgym.generative.data.Minibatches;
import io.jgym.generative.gan.AdversarialStep;
import io.jgym.generative.gan.GeneratorAverage;
import io.jgym.generative.imagegan.DcganConfig;
import io.jgym.generative.imagegan.DenseGanConfig;
import io.jgym.generative.imagegan.ImageGanConfig;
import io.jgym.generative.sine.LowPassFilter;
import io.jgym.generative.sine.SineGanConfig;
import io.jgym.generative.sine.SineWaves;
import io.jgym.generative.vae.ConvVaeConfig;
import io.jgym.generative.vae.ConvVaeGraph;
import io.jgym.generative.vae.VaeStep;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@link Workload} of each trainer {@code bench/peers/generative.sh} compares with PyTorch,
 * built from the trainer's {@code defaults()} the way the trainer builds it: the same config
 * methods for the networks, the same {@link Minibatches} with the same scaling, the same update
 * ({@link AdversarialStep}, {@link VaeStep}, {@code MultiLayerNetwork.fit}).
 */
final class Workloads {
    static final List<String> TRAINERS = List.of("vae", "conv-ae", "dense-gan", "dcgan-rgb", "sine-gan");

    private Workloads() {
    }

    static Workload of(String trainer) {
        return switch (trainer) {
            case "vae" -> vae(ConvVaeConfig.defaults());
            case "conv-ae" -> convAe(ConvAutoencoderConfig.defaults());
            case "dense-gan" -> {
                DenseGanConfig config = DenseGanConfig.defaults();
                yield imageGan(config, ImageSources.idx(config.data(), config.maxImages()).train());
            }
            case "dcgan-rgb" -> {
                DcganConfig config = DcganConfig.defaults();
                yield imageGan(config, ImageSources.colour(config.data(), config.imageSize(), config.shapes(), config.maxImages()).train());
            }
            case "sine-gan" -> sineGan(SineGanConfig.defaults());
            default -> throw new IllegalArgumentException("no step timing for '" + trainer + "'; one of " + TRAINERS);
        };
    }

    private static Workload vae(ConvVaeConfig config) {
        ImageSet train = ImageSources.idx(config.data(), config.maxImages()).train();
        Minibatches minibatches = new Minibatches(train.pixels(), train.size(), config.batchSize(), config.seed());
        VaeStep step = new VaeStep(ConvVaeGraph.build(config, train.channels(), train.height(), train.width(),
                (long) config.epochs() * minibatches.count()), config);
        return new Workload() {
            private long fitted;

            @Override
            public Minibatches minibatches() {
                return minibatches;
            }

            @Override
            public List<String> lossNames() {
                return List.of("-ELBO");
            }

            @Override
            public double[] step(INDArray batch) {
                // The step keeps a running mean; the newest minibatch's loss is what it added.
                double before = step.meanLoss() * fitted;
                step.fit(batch);
                fitted++;
                return new double[] {step.meanLoss() * fitted - (fitted == 1 ? 0 : before)};
            }
        };
    }

    private static Workload convAe(ConvAutoencoderConfig config) {
        ImageSet train = ImageSources.idx(config.data(), config.maxImages()).train();
        MultiLayerNetwork network = AutoencoderNetworks.build(config, train.height(), train.width()).network();
        Minibatches minibatches = new Minibatches(train.pixels(), train.size(), config.batchSize(), config.seed());
        return new Workload() {
            @Override
            public Minibatches minibatches() {
                return minibatches;
            }

            @Override
            public List<String> lossNames() {
                return List.of("BCE");
            }

            @Override
            public double[] step(INDArray batch) {
                network.fit(batch, batch.reshape('c', batch.rows(), train.channels(), train.height(), train.width()));
                return new double[] {network.score()};
            }
        };
    }

    private static Workload imageGan(ImageGanConfig config, ImageSet train) {
        long iterations = (long) config.epochs() * (train.count() / config.batchSize());
        MultiLayerNetwork generator = config.generator(train.channels(), train.height(), train.width(), iterations);
        MultiLayerNetwork discriminator = config.discriminator(train.channels(), train.height(), train.width(), iterations);
        // The generator's moving average costs what it costs in training (the peer keeps one too).
        AdversarialStep step = new AdversarialStep(generator, discriminator, config.pack(), config.labelSmoothing(), config.seed(),
                GeneratorAverage.of(generator, generator::clone, config.generatorAverage()));
        Nd4j.getRandom().setSeed(config.seed()); // network construction reset it
        // [0, 1] -> [-1, 1], as ImageGanTrainer feeds the discriminator
        Minibatches minibatches = new Minibatches(train.pixels(), train.size(), config.batchSize(), config.seed(), 2, -1);
        return gan(step, minibatches, config.latentSize(), Optional.empty());
    }

    private static Workload sineGan(SineGanConfig config) {
        Optional<LowPassFilter> filter = config.filter();
        AdversarialStep step = new AdversarialStep(config.generator(filter), config.discriminator(), config.pack(),
                config.labelSmoothing(), config.seed());
        Nd4j.getRandom().setSeed(config.seed());
        float[] real = SineWaves.generate(config, config.seed());
        float[] seen = filter.map(f -> f.apply(real)).orElse(real);
        return gan(step, new Minibatches(seen, config.points(), config.batchSize(), config.seed()), config.latentSize(),
                filter.map(f -> folder -> NpyFile.write(folder.resolve("filter.npy"), f.matrix(), config.points(), config.points())));
    }

    private interface Extras {
        void write(Path folder);
    }

    private static Workload gan(AdversarialStep step, Minibatches minibatches, int latentSize, Optional<Extras> extras) {
        return new Workload() {
            @Override
            public Minibatches minibatches() {
                return minibatches;
            }

            @Override
            public List<String> lossNames() {
                return List.of("D loss", "G loss");
            }

            @Override
            public double[] step(INDArray batch) {
                AdversarialStep.Losses losses = step.train(batch, Nd4j.randn(DataType.FLOAT, 2L * batch.rows(), latentSize));
                return new double[] {losses.discriminator(), losses.generator()};
            }

            @Override
            public void writeExtras(Path folder) {
                extras.ifPresent(e -> e.write(folder));
            }
        };
    }
}
