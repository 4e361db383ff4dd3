package io.jgym.generative.imagegan;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The minibatch standard deviation layer of Karras et al. ("Progressive growing of GANs", 2018) for
 * {@code dcgan-rgb}'s discriminator: for each group of {@code group} consecutive images, the standard
 * deviation of every feature over the group, averaged over the features, is appended to each image's
 * feature maps as one more constant map. A generator that gives every latent the same hue or shape
 * makes that number small, which the discriminator can see in fakes and not in real images. Groups
 * are consecutive because a discriminator minibatch holds the real images, then the fakes: a group
 * never mixes the two. Takes and gives NCHW feature maps, {@code channels x height x width} in.
 */
public final class DcganMinibatchStd extends DcganGroupLayer {
    /** For DL4J's configuration JSON. */
    public DcganMinibatchStd() {
    }

    DcganMinibatchStd(int group, int channels, int height, int width) {
        super(group, channels, height, width);
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input) {
        int plane = height * width;
        SDVariable grouped = input.reshape(-1, group, (long) channels * plane);
        SDVariable centred = grouped.sub(grouped.mean(true, 1));
        SDVariable std = sd.math().sqrt(centred.mul(centred).mean(true, 1).add(EPSILON)).mean(true, 2); // [groups, 1, 1]
        SDVariable ones = onesLike(grouped.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(0, plane))); // [groups, group, plane]
        return sd.concat(1, input, ones.mul(std).reshape(-1, 1, height, width));
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.convolutional(height, width, channels + 1);
    }
}
