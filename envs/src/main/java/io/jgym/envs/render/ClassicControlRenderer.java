package io.jgym.envs.render;

import io.jgym.contracts.Frame;
import java.awt.Color;

/**
 * Draws the classic-control environments with Gymnasium's geometry and colours (screen sizes,
 * scales, cart, pole, car, links), as plain shapes: the frames are for watching and recording
 * episodes, not pixel-identical copies of pygame's output.
 */
public final class ClassicControlRenderer {
    private static final Color BLACK = Color.BLACK;
    private static final Color WHITE = Color.WHITE;
    private static final Color POLE = new Color(202, 152, 101);
    private static final Color AXLE = new Color(129, 132, 203);
    private static final Color LINK = new Color(0, 204, 204);
    private static final Color JOINT = new Color(204, 204, 0);
    private static final Color WHEEL = new Color(128, 128, 128);
    private static final Color FLAG = new Color(204, 204, 0);
    private static final Color ROD = new Color(204, 77, 77);

    private ClassicControlRenderer() {
    }

    /** CartPole: 600 x 400, cart 50 x 30 on a track at height 100, pole of length 1 m. */
    public static Frame cartPole(double x, double theta, double xThreshold) {
        int width = 600;
        double scale = width / (2 * xThreshold);
        double cartY = 100;
        double cartX = x * scale + width / 2.0;
        Canvas c = new Canvas(width, 400, WHITE);
        c.line(0, cartY, width, cartY, 1, BLACK);
        c.rect(cartX - 25, cartY - 15, 50, 30, BLACK);
        double axleY = cartY + 15 - 7.5;
        c.rotatedBar(cartX, axleY, Math.PI / 2 - theta, scale * 1.0, 5, POLE);
        c.circle(cartX, axleY, 5, AXLE);
        return c.toFrame();
    }

    /** MountainCar (both variants): 600 x 400, the hill {@code 0.45 sin(3x) + 0.55}, car and flag. */
    public static Frame mountainCar(double position, double goalPosition) {
        double min = -1.2;
        double max = 0.6;
        int width = 600;
        double scale = width / (max - min);
        Canvas c = new Canvas(width, 400, WHITE);
        double prevX = 0;
        double prevY = height(min) * scale;
        for (int i = 1; i < 100; i++) {
            double xs = min + (max - min) * i / 99.0;
            double px = (xs - min) * scale;
            double py = height(xs) * scale;
            c.line(prevX, prevY, px, py, 1.5, BLACK);
            prevX = px;
            prevY = py;
        }
        double angle = Math.cos(3 * position);
        double carX = (position - min) * scale;
        double carY = height(position) * scale + 10;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double[][] body = {{-20, 0}, {-20, 20}, {20, 20}, {20, 0}};
        double[][] points = new double[4][];
        for (int i = 0; i < 4; i++) {
            points[i] = new double[] {carX + body[i][0] * cos - body[i][1] * sin, carY + body[i][0] * sin + body[i][1] * cos};
        }
        c.polygon(points, BLACK);
        for (double wx : new double[] {10, -10}) {
            c.circle(carX + wx * cos, carY + wx * sin, 8, WHEEL);
        }
        double flagX = (goalPosition - min) * scale;
        double flagY = height(goalPosition) * scale;
        c.line(flagX, flagY, flagX, flagY + 50, 1, BLACK);
        c.polygon(new double[][] {{flagX, flagY + 50}, {flagX, flagY + 40}, {flagX + 25, flagY + 45}}, FLAG);
        return c.toFrame();
    }

    private static double height(double x) {
        return Math.sin(3 * x) * 0.45 + 0.55;
    }

    /** Acrobot: 500 x 500, two unit links hanging from the centre, the goal line 1 m above it. */
    public static Frame acrobot(double theta1, double theta2) {
        int size = 500;
        double scale = size / 4.4;
        double offset = size / 2.0;
        Canvas c = new Canvas(size, size, WHITE);
        c.line(-2.2 * scale + offset, scale + offset, 2.2 * scale + offset, scale + offset, 1, BLACK);
        double x1 = offset + Math.sin(theta1) * scale;
        double y1 = offset - Math.cos(theta1) * scale;
        c.rotatedBar(offset, offset, theta1 - Math.PI / 2, scale, 0.1 * scale, LINK);
        c.rotatedBar(x1, y1, theta1 + theta2 - Math.PI / 2, scale, 0.1 * scale, LINK);
        c.circle(offset, offset, 0.1 * scale, JOINT);
        c.circle(x1, y1, 0.1 * scale, JOINT);
        return c.toFrame();
    }

    /** Pendulum: 500 x 500, a rod of length 1 pivoting at the centre; theta 0 points up. */
    public static Frame pendulum(double theta) {
        int size = 500;
        double scale = size / 4.4;
        double offset = size / 2.0;
        Canvas c = new Canvas(size, size, WHITE);
        c.rotatedBar(offset, offset, theta + Math.PI / 2, scale, 0.1 * scale, ROD);
        c.circle(offset, offset, 0.05 * scale, BLACK);
        return c.toFrame();
    }
}
