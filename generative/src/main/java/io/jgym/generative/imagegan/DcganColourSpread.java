package io.jgym.generative.imagegan;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * What {@code dcgan-rgb}'s discriminator sees of a group's colours before its first convolution: for
 * each group of {@code group} consecutive images, the standard deviation over the group of every
 * image's mean value per channel, appended to each image as one constant map per channel. Real
 * shapes come in every hue, so that spread is wide; a generator that paints every latent in one hue
 * narrows it, which the discriminator can see (the minibatch standard deviation of
 * {@link DcganMinibatchStd} averages over features and so over colour too). Takes images flat or
 * NCHW and gives NCHW maps of twice the channels.
 */
public final class DcganColourSpread extends DcganGroupLayer {
    /** For DL4J's configuration JSON. */
    public DcganColourSpread() {
    }

    DcganColourSpread(int group, int channels, int height, int width) {
        super(group, channels, height, width);
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input) {
        SDVariable images = input.reshape(-1, channels, height, width); // the discriminator's input arrives flat
        SDVariable grouped = images.reshape(-1, group, channels, (long) height * width);
        SDVariable colour = grouped.mean(true, 3); // [groups, group, channels, 1]
        SDVariable centred = colour.sub(colour.mean(true, 1));
        SDVariable spread = sd.math().sqrt(centred.mul(centred).mean(true, 1).add(EPSILON)); // [groups, 1, channels, 1]
        return sd.concat(1, images, onesLike(grouped).mul(spread).reshape(-1, channels, height, width));
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.convolutional(height, width, 2L * channels);
    }
}
