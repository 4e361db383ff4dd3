package io.jgym.runs.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/** The scale and shading choices of {@link CurveChart}, seen in the chart and in its pixels. */
class CurveChartTest {
    private static final double[] EPOCHS = {1, 2, 3, 4, 5};

    @Test
    void valuesSpanningDecadesGetALogarithmicAxisOthersDoNot() {
        assertTrue(chart(Series.line("loss", EPOCHS, new double[] {10, 1, 0.3, 0.1, 0.05})).getStyler().isYAxisLogarithmic());
        assertFalse(chart(Series.line("loss", EPOCHS, new double[] {10, 5, 2, 1, 0.5})).getStyler().isYAxisLogarithmic(),
                "a 20x span stays linear");
        assertFalse(chart(Series.line("return", EPOCHS, new double[] {-10, 1, 100, 1000, 5000})).getStyler().isYAxisLogarithmic(),
                "a negative value cannot be on a log axis");
    }

    @Test
    void aBandIsShadedInItsCurvesColourAroundTheCurve() {
        double[] mean = {1, 2, 3, 4, 5};
        double[] lower = {0, 1, 2, 3, 4};
        double[] upper = {2, 3, 4, 5, 6};
        BufferedImage image = Figure.image(List.of(chart(Series.line("IQM", EPOCHS, mean).withBand(lower, upper))), 1);

        int shaded = count(image, c -> c.getBlue() > c.getRed() + 20 && c.getRed() > 150); // light blue: blue at 60/255 on white
        assertTrue(shaded > 10_000, "the band covers a large area, found " + shaded + " light blue pixels");
    }

    @Test
    void aStepCurveWithABandDrawsAsOnePanel() {
        double[] taus = {0, 0.25, 0.5, 0.75, 1};
        double[] share = {1, 0.8, 0.5, 0.2, 0};
        XYChart chart = chart(Series.steps("config A", taus, share).withBand(new double[] {1, 0.6, 0.3, 0.1, 0},
                new double[] {1, 1, 0.7, 0.4, 0.1}), Series.steps("config B", taus, new double[] {1, 1, 0.9, 0.6, 0.2}));
        BufferedImage image = Figure.image(List.of(chart, chart), 2);

        assertEquals(2 * 600, image.getWidth());
        assertEquals(300, image.getHeight());
        assertTrue(chart.getStyler().isLegendVisible(), "two curves get a legend");
        assertTrue(count(image, c -> c.getRed() > 200 && c.getGreen() < 60 && c.getBlue() < 60) > 100, "the second curve is drawn in red");
    }

    @Test
    void pointsThatCannotBeDrawnAreLeftOutAndAnEmptyPanelSaysSo() {
        XYChart sparse = chart(Series.line("mmd", EPOCHS, new double[] {Double.NaN, 0.5, Double.NaN, Double.NaN, 0.2}));
        assertEquals("curve", sparse.getTitle());
        assertEquals(2, sparse.getSeriesMap().get("mmd").getXData().length);

        XYChart empty = chart(Series.line("mmd", EPOCHS, new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN}));
        assertEquals("curve (no values yet)", empty.getTitle());
        Figure.image(List.of(empty), 1); // draws without data
    }

    @Test
    void aLongRunIsThinnedToWhatThePanelCanShowKeepingItsEnds() {
        double[] episodes = IntStream.range(0, 200_000).mapToDouble(i -> i).toArray();
        XYChart chart = chart(Series.points("return", episodes, episodes));
        double[] drawn = chart.getSeriesMap().get("return").getXData();
        assertEquals(2 * 600, drawn.length, "two points per pixel of a 600-pixel panel");
        assertEquals(0, drawn[0]);
        assertEquals(199_999, drawn[drawn.length - 1]);
    }

    @Test
    void mismatchedLengthsAreRefusedWithTheSeriesName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Series.line("return", EPOCHS, new double[] {1, 2}));
        assertEquals("series 'return' has 5 x values and 2 y values", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Series.line("return", EPOCHS, EPOCHS).withBand(new double[] {1}, new double[] {2}));
    }

    private static XYChart chart(Series... series) {
        return CurveChart.of("curve", "epoch", "", List.of(series), 600, 300);
    }

    private static int count(BufferedImage image, java.util.function.Predicate<Color> wanted) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                count += wanted.test(new Color(image.getRGB(x, y))) ? 1 : 0;
            }
        }
        return count;
    }
}
