package io.jgym.examples.qlearning;

import io.jgym.contracts.files.AtomicFiles;
import io.jgym.contracts.space.Value;
import io.jgym.contracts.training.Policy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;

/**
 * The action values of every (state, action) pair, saved as a CSV with one row per state; its greedy
 * action (ties to the lowest index, as numpy's argmax) makes it a {@link Policy}.
 */
final class QTable implements Policy {
    static final String FILE = "q-table.csv";

    private final double[][] values;
    private final long actionStart;

    QTable(int states, int actions, long actionStart) {
        this(new double[states][actions], actionStart);
    }

    private QTable(double[][] values, long actionStart) {
        this.values = values;
        this.actionStart = actionStart;
    }

    double get(int state, int action) {
        return values[state][action];
    }

    void set(int state, int action, double value) {
        values[state][action] = value;
    }

    double max(int state) {
        return values[state][best(state)];
    }

    int best(int state) {
        int best = 0;
        for (int a = 1; a < values[state].length; a++) {
            if (values[state][a] > values[state][best]) {
                best = a;
            }
        }
        return best;
    }

    @Override
    public Value act(Value observation) {
        return Value.of(actionStart + best((int) ((Value.Int) observation).value()));
    }

    void save(Path folder) {
        String csv = java.util.Arrays.stream(values)
                .map(row -> DoubleStream.of(row).mapToObj(Double::toString).collect(Collectors.joining(",")))
                .collect(Collectors.joining("\n", "", "\n"));
        AtomicFiles.writeString(folder.resolve(FILE), csv);
    }

    static QTable load(Path file, int states, int actions, long actionStart) {
        try {
            List<String> rows = Files.readAllLines(file);
            if (rows.size() != states) {
                throw new IllegalArgumentException(file + " holds " + rows.size() + " states; the environment has " + states);
            }
            double[][] values = new double[states][];
            for (int s = 0; s < states; s++) {
                values[s] = java.util.Arrays.stream(rows.get(s).split(",")).mapToDouble(Double::parseDouble).toArray();
                if (values[s].length != actions) {
                    throw new IllegalArgumentException(file + " holds " + values[s].length + " actions; the environment has " + actions);
                }
            }
            return new QTable(values, actionStart);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }
}
