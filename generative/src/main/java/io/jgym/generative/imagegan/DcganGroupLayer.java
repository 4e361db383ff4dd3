package io.jgym.generative.imagegan;

import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLambdaLayer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * What {@code dcgan-rgb}'s discriminator layers over groups of consecutive images share: the group
 * size and the shape of the maps they take, {@code channels x height x width}, NCHW. A discriminator
 * minibatch holds the real images, then the fakes, so a group never mixes the two. Subclasses keep a
 * public no-argument constructor for DL4J's configuration JSON, which holds these fields.
 */
abstract class DcganGroupLayer extends SameDiffLambdaLayer {
    static final double EPSILON = 1e-8;
    @JsonProperty
    protected int group;
    @JsonProperty
    protected int channels;
    @JsonProperty
    protected int height;
    @JsonProperty
    protected int width;

    /** For DL4J's configuration JSON. */
    DcganGroupLayer() {
    }

    DcganGroupLayer(int group, int channels, int height, int width) {
        this.group = group;
        this.channels = channels;
        this.height = height;
        this.width = width;
    }

    /** Ones in the shape of {@code like}, to spread a group's statistic over maps (sd.onesLike logs a warning per layer). */
    static SDVariable onesLike(SDVariable like) {
        return like.mul(0).add(1);
    }
}
