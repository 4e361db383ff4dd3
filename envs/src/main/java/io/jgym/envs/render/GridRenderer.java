package io.jgym.envs.render;

import io.jgym.contracts.Frame;
import java.awt.Color;
import java.util.List;

/**
 * Draws the toy-text gridworlds (FrozenLake, CliffWalking, Taxi) and Blackjack as coloured cells,
 * where Gymnasium blits sprite images. Cell size follows Gymnasium (64 px lake, 60 px cliff, 110 x 95
 * px taxi cells are approximated by 60 px squares).
 */
public final class GridRenderer {
    private static final int CELL = 60;
    private static final Color ICE = new Color(180, 220, 250);
    private static final Color HOLE = new Color(20, 40, 80);
    private static final Color GOAL = new Color(240, 200, 40);
    private static final Color START = new Color(150, 150, 150);
    private static final Color AGENT = new Color(220, 40, 40);
    private static final Color GRASS = new Color(110, 170, 90);
    private static final Color CLIFF = new Color(90, 60, 40);
    private static final Color ROAD = new Color(200, 200, 200);
    private static final Color WALL = new Color(40, 40, 40);
    private static final Color[] DEPOTS = {new Color(255, 0, 0), new Color(0, 255, 0), new Color(255, 255, 0), new Color(0, 0, 255)};
    private static final Color TABLE = new Color(7, 99, 36);
    private static final Color CARD = Color.WHITE;

    private GridRenderer() {
    }

    /** A lake map (S, F, H, G letters, one string per row) with the agent at {@code position}. */
    public static Frame frozenLake(List<String> rows, int position) {
        int ncol = rows.get(0).length();
        Canvas c = new Canvas(ncol * CELL, rows.size() * CELL, ICE);
        for (int row = 0; row < rows.size(); row++) {
            for (int col = 0; col < ncol; col++) {
                char letter = rows.get(row).charAt(col);
                Color color = letter == 'H' ? HOLE : letter == 'G' ? GOAL : letter == 'S' ? START : ICE;
                cell(c, rows.size(), row, col, color);
            }
        }
        agent(c, rows.size(), position / ncol, position % ncol);
        return c.toFrame();
    }

    /** The 4 x 12 cliff with the agent at {@code position}. */
    public static Frame cliffWalking(int position) {
        int rows = 4;
        int cols = 12;
        Canvas c = new Canvas(cols * CELL, rows * CELL, GRASS);
        for (int col = 1; col < cols - 1; col++) {
            cell(c, rows, rows - 1, col, CLIFF);
        }
        cell(c, rows, rows - 1, 0, START);
        cell(c, rows, rows - 1, cols - 1, GOAL);
        agent(c, rows, position / cols, position % cols);
        return c.toFrame();
    }

    /**
     * The 5 x 5 taxi grid: depots R, G, Y, B in their colours, walls as dark bars, the destination
     * outlined, the passenger as a small square (inside the taxi when picked up).
     */
    public static Frame taxi(int taxiRow, int taxiCol, int passenger, int destination, int[][] depots, List<int[]> walls) {
        int size = 5;
        Canvas c = new Canvas(size * CELL, size * CELL, ROAD);
        for (int i = 0; i < depots.length; i++) {
            cell(c, size, depots[i][0], depots[i][1], DEPOTS[i].darker());
        }
        int[] dest = depots[destination];
        double dx = dest[1] * CELL;
        double dy = (size - 1 - dest[0]) * CELL;
        c.rect(dx + 20, dy + 20, CELL - 40, CELL - 40, DEPOTS[destination]);
        for (int[] wall : walls) {
            c.rect(wall[1] * CELL - 2, (size - 1 - wall[0]) * CELL, 4, CELL, WALL);
        }
        c.rect(taxiCol * CELL + 10, (size - 1 - taxiRow) * CELL + 15, CELL - 20, CELL - 30, GOAL);
        if (passenger < 4) {
            int[] p = depots[passenger];
            c.rect(p[1] * CELL + 24, (size - 1 - p[0]) * CELL + 24, 12, 12, AGENT);
        } else {
            c.rect(taxiCol * CELL + 24, (size - 1 - taxiRow) * CELL + 24, 12, 12, AGENT);
        }
        return c.toFrame();
    }

    /** Blackjack: the dealer's cards on top, the player's below, each card with its value as pips. */
    public static Frame blackjack(List<Integer> player, List<Integer> dealer, boolean revealDealer) {
        int width = 600;
        int height = 500;
        Canvas c = new Canvas(width, height, TABLE);
        hand(c, revealDealer ? dealer : dealer.subList(0, 1), height - 190);
        hand(c, player, 40);
        return c.toFrame();
    }

    private static void hand(Canvas c, List<Integer> cards, double y) {
        for (int i = 0; i < cards.size(); i++) {
            double x = 30 + i * 95;
            c.rect(x, y, 85, 150, CARD);
            for (int pip = 0; pip < cards.get(i); pip++) {
                c.circle(x + 22 + (pip % 3) * 20, y + 130 - (pip / 3) * 28, 7, AGENT);
            }
        }
    }

    private static void cell(Canvas c, int rows, int row, int col, Color color) {
        c.rect(col * CELL + 1, (rows - 1 - row) * CELL + 1, CELL - 2, CELL - 2, color);
    }

    private static void agent(Canvas c, int rows, int row, int col) {
        c.circle(col * CELL + CELL / 2.0, (rows - 1 - row) * CELL + CELL / 2.0, CELL / 3.0, AGENT);
    }
}
