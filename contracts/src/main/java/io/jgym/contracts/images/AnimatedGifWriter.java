package io.jgym.contracts.images;

import io.jgym.contracts.Frame;
import io.jgym.contracts.files.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Streams frames into a looping animated GIF, one frame at a time, so that recording a long
 * episode never holds more than one frame in memory. The file appears under its final name only
 * when {@link #close()} completes (written to a temporary file, then renamed).
 */
public final class AnimatedGifWriter implements AutoCloseable {
    private static final String METADATA_FORMAT = "javax_imageio_gif_image_1.0";

    private final Path target;
    private final Path temp;
    private final ImageOutputStream stream;
    private final ImageWriter writer;
    private final int delayCentiseconds;
    private boolean first = true;
    private int frames;

    /** Starts a GIF at {@code target} showing each frame for {@code delayMillis}. */
    public AnimatedGifWriter(Path target, int delayMillis) throws IOException {
        this.target = target;
        this.temp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
        AtomicFiles.readableByAll(temp);
        this.stream = ImageIO.createImageOutputStream(temp.toFile());
        this.writer = ImageIO.getImageWritersByFormatName("gif").next();
        this.delayCentiseconds = Math.max(1, delayMillis / 10);
        writer.setOutput(stream);
        writer.prepareWriteSequence(null);
    }

    /** Appends one frame. */
    public void add(Frame frame) throws IOException {
        add(FrameImages.toImage(frame));
    }

    /** Appends one picture as a frame. */
    public void add(BufferedImage image) throws IOException {
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(METADATA_FORMAT);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delayCentiseconds));
        control.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode extensions = child(root, "ApplicationExtensions");
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0});
            extensions.appendChild(loop);
            first = false;
        }
        metadata.setFromTree(METADATA_FORMAT, root);
        writer.writeToSequence(new IIOImage(image, null, metadata), null);
        frames++;
    }

    /** Frames written so far. */
    public int frames() {
        return frames;
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equals(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }

    /** Finishes the GIF and moves it to its final name. */
    @Override
    public void close() throws IOException {
        writer.endWriteSequence();
        stream.close();
        writer.dispose();
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
