package io.jgym.runs.tensorboard;

import java.util.Map;

/**
 * Encodes TensorFlow's {@code Event} messages (tensorflow/core/util/event.proto) with the
 * {@code Summary} values of tensorflow/core/framework/summary.proto that jgym writes: the file-version
 * event that opens every event file, scalars ({@code simple_value}) and images ({@code Summary.Image}).
 * Field numbers are TensorFlow's; see the proto files for their meaning.
 */
final class Events {
    /** What TensorBoard expects in the first event of a file. */
    static final String FILE_VERSION = "brain.Event:2";

    private static final int EVENT_WALL_TIME = 1;
    private static final int EVENT_STEP = 2;
    private static final int EVENT_FILE_VERSION = 3;
    private static final int EVENT_SUMMARY = 5;
    private static final int SUMMARY_VALUE = 1;
    private static final int VALUE_TAG = 1;
    private static final int VALUE_SIMPLE_VALUE = 2;
    private static final int VALUE_IMAGE = 4;
    private static final int IMAGE_HEIGHT = 1;
    private static final int IMAGE_WIDTH = 2;
    private static final int IMAGE_COLORSPACE = 3;
    private static final int IMAGE_ENCODED = 4;

    private Events() {
    }

    /** The first event of every file: {@code file_version = "brain.Event:2"}. */
    static byte[] fileVersion(double wallTime) {
        return new ProtoWriter().doubleValue(EVENT_WALL_TIME, wallTime).string(EVENT_FILE_VERSION, FILE_VERSION).toByteArray();
    }

    /** One event at {@code step} with a scalar per entry of {@code values}, as 32-bit floats. */
    static byte[] scalars(double wallTime, long step, Map<String, Double> values) {
        ProtoWriter summary = new ProtoWriter();
        values.forEach((tag, value) -> summary.message(SUMMARY_VALUE,
                new ProtoWriter().string(VALUE_TAG, tag).floatValue(VALUE_SIMPLE_VALUE, value.floatValue())));
        return event(wallTime, step, summary);
    }

    /** One event at {@code step} with {@code picture} under {@code tag}. */
    static byte[] image(double wallTime, long step, String tag, Picture picture) {
        ProtoWriter image = new ProtoWriter().varint(IMAGE_HEIGHT, picture.height()).varint(IMAGE_WIDTH, picture.width())
                .varint(IMAGE_COLORSPACE, picture.colorspace()).bytes(IMAGE_ENCODED, picture.bytes());
        ProtoWriter summary = new ProtoWriter().message(SUMMARY_VALUE, new ProtoWriter().string(VALUE_TAG, tag).message(VALUE_IMAGE, image));
        return event(wallTime, step, summary);
    }

    private static byte[] event(double wallTime, long step, ProtoWriter summary) {
        return new ProtoWriter().doubleValue(EVENT_WALL_TIME, wallTime).varint(EVENT_STEP, step)
                .message(EVENT_SUMMARY, summary).toByteArray();
    }
}
