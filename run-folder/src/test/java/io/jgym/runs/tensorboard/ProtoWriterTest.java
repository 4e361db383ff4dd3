package io.jgym.runs.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import io.jgym.contracts.files.AtomicFiles;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hand-written wire format read back by protobuf-java, and the picture header facts images carry. */
class ProtoWriterTest {
    @TempDir
    Path dir;

    @Test
    void everyFieldKindReadsBackWithProtobufsOwnDecoder() throws IOException {
        byte[] encoded = new ProtoWriter().varint(1, 0).varint(2, 300).varint(3, Long.MAX_VALUE).varint(4, -1)
                .doubleValue(5, Math.PI).floatValue(6, 0.1f).string(7, "losses/généré")
                .message(8, new ProtoWriter().varint(1, 42)).toByteArray();
        CodedInputStream in = CodedInputStream.newInstance(encoded);

        assertEquals(tag(1, WireFormat.WIRETYPE_VARINT), in.readTag());
        assertEquals(0, in.readInt64());
        assertEquals(tag(2, WireFormat.WIRETYPE_VARINT), in.readTag());
        assertEquals(300, in.readInt64());
        in.readTag();
        assertEquals(Long.MAX_VALUE, in.readInt64());
        in.readTag();
        assertEquals(-1, in.readInt64(), "a negative int64 takes ten bytes, as protobuf writes it");
        assertEquals(tag(5, WireFormat.WIRETYPE_FIXED64), in.readTag());
        assertEquals(Math.PI, in.readDouble());
        assertEquals(tag(6, WireFormat.WIRETYPE_FIXED32), in.readTag());
        assertEquals(0.1f, in.readFloat());
        assertEquals(tag(7, WireFormat.WIRETYPE_LENGTH_DELIMITED), in.readTag());
        assertEquals("losses/généré", in.readString());
        assertEquals(tag(8, WireFormat.WIRETYPE_LENGTH_DELIMITED), in.readTag());
        CodedInputStream nested = CodedInputStream.newInstance(in.readByteArray());
        nested.readTag();
        assertEquals(42, nested.readInt32());
        assertTrue(in.isAtEnd());
    }

    @Test
    void aGifsHeaderGivesItsSize() throws IOException {
        Path gif = dir.resolve("training.gif");
        AtomicFiles.write(gif, out -> ImageIO.write(new BufferedImage(300, 260, BufferedImage.TYPE_INT_RGB), "gif", out));
        Picture read = Picture.of(Files.readAllBytes(gif));
        assertEquals(new Facts(300, 260, 3), new Facts(read.width(), read.height(), read.colorspace()));
    }

    @Test
    void thePngHeaderGivesSizeAndTensorFlowsColourSpace() throws IOException {
        assertEquals(new Facts(7, 5, 3), facts(new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB)));
        assertEquals(new Facts(3, 9, 4), facts(new BufferedImage(3, 9, BufferedImage.TYPE_INT_ARGB)));
        assertEquals(new Facts(4, 4, 1), facts(new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY)));
        IndexColorModel palette = new IndexColorModel(1, 2, new byte[] {-1, 0}, new byte[] {0, -1}, new byte[] {0, 0}); // red, green
        assertEquals(new Facts(2, 2, 3), facts(new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_BINARY, palette)), "a palette is RGB");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Picture.of(new byte[40]));
        assertEquals("neither a PNG nor a GIF file (40 bytes without either signature)", e.getMessage());
    }

    /** A field's key as protobuf defines it: field number shifted left by three, or'd with the wire type. */
    private static int tag(int field, int wireType) {
        return field << 3 | wireType;
    }

    private record Facts(int width, int height, int colorspace) {
    }

    private Facts facts(BufferedImage image) throws IOException {
        Path png = dir.resolve("picture.png");
        AtomicFiles.writePng(png, image);
        Picture read = Picture.of(Files.readAllBytes(png));
        return new Facts(read.width(), read.height(), read.colorspace());
    }
}
