package io.jgym.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run folder's learning curve as a user opens it: size, the dots and lines that must be there. */
class LearningCurvePlotTest {
    private static final Color FIRST = new Color(31, 119, 180);
    private static final Color SECOND = new Color(214, 39, 40);

    @TempDir
    Path dir;

    @Test
    void aRunOfOneEpisodeShowsItsValueAsADotInTheMiddleOfThePanel() throws IOException {
        BufferedImage image = plot(List.of("episode,total_steps,charts/episodic_return", "0,17,17.0"),
                List.of("charts/episodic_return"), 1);

        assertEquals(900, image.getWidth());
        assertEquals(280, image.getHeight());
        Pixels dot = Pixels.of(image, FIRST);
        assertTrue(dot.count() >= 12, "the single value is drawn as a filled dot, found " + dot.count() + " pixels of its colour");
        assertTrue(dot.width() <= 12 && dot.height() <= 12, "and only as a dot: " + dot);
        assertTrue(Math.abs(dot.centreX() - image.getWidth() / 2.0) < image.getWidth() / 8.0
                && Math.abs(dot.centreY() - image.getHeight() / 2.0) < image.getHeight() / 4.0,
                "the dot sits in the middle of the padded axes: " + dot);
    }

    @Test
    void aNoisyMetricShowsEveryEpisodeUnderItsMovingAverage() throws IOException {
        Random random = new Random(7);
        List<String> lines = new ArrayList<>(List.of("episode,total_steps,charts/episodic_return"));
        for (int episode = 0; episode < 400; episode++) {
            lines.add(episode + "," + episode * 50 + "," + (episode * 0.5 + random.nextGaussian() * 40));
        }
        BufferedImage image = plot(lines, List.of("charts/episodic_return"), RunOutputListener.averageWindow(400));

        Pixels dots = Pixels.where(image, c -> c.getBlue() - c.getRed() > 30); // translucent: blended with the white
        Pixels average = Pixels.of(image, SECOND);
        assertTrue(dots.width() > image.getWidth() / 2, "episode values spread over the panel: " + dots);
        assertTrue(average.count() > 300 && average.width() > image.getWidth() / 2, "the moving average is a line across it: " + average);
    }

    @Test
    void severalMetricsGetAPanelEachAndMissingOnesAreLeftOut() throws IOException {
        List<String> lines = new ArrayList<>(List.of("episode,total_steps,a,b,c,d,e"));
        for (int episode = 0; episode < 10; episode++) {
            lines.add(episode + "," + episode + ",1,2,3," + episode + ",");
        }
        assertEquals(2 * 280, plot(lines, List.of("a", "b", "not-a-column"), 1).getHeight());
        BufferedImage five = plot(lines, List.of("a", "b", "c", "d", "e"), 1);
        assertEquals(900, five.getWidth(), "five panels in two columns keep the width");
        assertEquals(3 * 280, five.getHeight(), "and take three rows");
    }

    @Test
    void aMetricMeasuredNowAndThenIsDrawnOnTheWholeRunsEpisodeAxis() throws IOException {
        List<String> lines = new ArrayList<>(List.of("episode,total_steps,losses/generator,quality/mmd"));
        for (int episode = 0; episode < 10; episode++) {
            lines.add(episode + "," + episode + "," + (1.0 / (episode + 1)) + "," + (episode == 9 ? "0.25" : ""));
        }
        BufferedImage image = plot(lines, List.of("quality/mmd"), 1);

        Pixels dot = Pixels.of(image, FIRST);
        assertTrue(dot.width() <= 12 && dot.centreX() > image.getWidth() * 0.8,
                "the one MMD value, at the run's last episode, is a dot at the right end: " + dot);
    }

    private BufferedImage plot(List<String> csv, List<String> metrics, int window) throws IOException {
        Path file = dir.resolve("metrics.csv");
        Files.write(file, csv);
        Path png = dir.resolve("learning-curve.png");
        new LearningCurvePlot(window).write(MetricsTable.read(file), metrics, png);
        return ImageIO.read(png.toFile());
    }

    /** Where pixels close to one colour are, in an image. */
    record Pixels(int count, int minX, int maxX, int minY, int maxY) {
        static Pixels of(BufferedImage image, Color colour) {
            return where(image, c -> Math.abs(c.getRed() - colour.getRed()) + Math.abs(c.getGreen() - colour.getGreen())
                    + Math.abs(c.getBlue() - colour.getBlue()) < 40);
        }

        static Pixels where(BufferedImage image, Predicate<Color> wanted) {
            int count = 0;
            int minX = Integer.MAX_VALUE;
            int maxX = -1;
            int minY = Integer.MAX_VALUE;
            int maxY = -1;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    Color c = new Color(image.getRGB(x, y));
                    if (wanted.test(c)) {
                        count++;
                        minX = Math.min(minX, x);
                        maxX = Math.max(maxX, x);
                        minY = Math.min(minY, y);
                        maxY = Math.max(maxY, y);
                    }
                }
            }
            return new Pixels(count, minX, maxX, minY, maxY);
        }

        int width() {
            return maxX - minX + 1;
        }

        int height() {
            return maxY - minY + 1;
        }

        double centreX() {
            return (minX + maxX) / 2.0;
        }

        double centreY() {
            return (minY + maxY) / 2.0;
        }
    }
}
