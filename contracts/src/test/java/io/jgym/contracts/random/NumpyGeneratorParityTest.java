package io.jgym.contracts.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the numpy generator draw for draw against {@code parity/rng_pcg64.json}, recorded from
 * numpy 1.24 for seeds 0, 1, 42 and one above 2^32.
 */
class NumpyGeneratorParityTest {

    static List<JsonNode> seeds() throws IOException {
        try (InputStream in = NumpyGeneratorParityTest.class.getResourceAsStream("/parity/rng_pcg64.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            return StreamSupport.stream(root.get("seeds").spliterator(), false).toList();
        }
    }

    private static BigInteger seedOf(JsonNode c) {
        return c.get("seed").bigIntegerValue();
    }

    private static long hex(String text) {
        return new BigInteger(text.substring(2), 16).longValue();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void seedSequenceAndPcg64StateMatchNumpy(JsonNode c) {
        SeedSequence seq = new SeedSequence(seedOf(c));
        JsonNode expected = c.get("seed_sequence");
        long[] pool = seq.pool();
        for (int i = 0; i < pool.length; i++) {
            assertEquals(expected.get("pool_uint32").get(i).asLong(), pool[i], "pool word " + i);
        }
        int[] words = seq.generateState(8);
        for (int i = 0; i < words.length; i++) {
            assertEquals(expected.get("generate_state_uint32_8").get(i).asLong(), Integer.toUnsignedLong(words[i]));
        }
        long[] words64 = seq.generateState64(4);
        for (int i = 0; i < 4; i++) {
            assertEquals(hex(expected.get("generate_state_uint64_4_hex").get(i).asText()), words64[i]);
        }
        Pcg64 pcg = new Pcg64(seq);
        BigInteger state = new BigInteger(c.get("pcg64_state_after_seeding").get("state_hex").asText().substring(2), 16);
        BigInteger inc = new BigInteger(c.get("pcg64_state_after_seeding").get("inc_hex").asText().substring(2), 16);
        assertEquals(state, join(pcg.state()));
        assertEquals(inc, join(pcg.increment()));
    }

    private static BigInteger join(long[] hiLo) {
        BigInteger hi = new BigInteger(Long.toUnsignedString(hiLo[0]));
        return hi.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(hiLo[1])));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void rawRandomAndUniformMatchNumpy(JsonNode c) {
        NumpyGenerator raw = NumpyGenerator.seeded(seedOf(c));
        for (JsonNode h : c.get("random_raw_uint64_hex")) {
            assertEquals(hex(h.asText()), raw.randomRaw());
        }
        NumpyGenerator rng = NumpyGenerator.seeded(seedOf(c));
        for (JsonNode r : c.get("random")) {
            assertEquals(r.asDouble(), rng.random());
        }
        NumpyGenerator u = NumpyGenerator.seeded(seedOf(c));
        for (JsonNode call : c.get("uniform_-0.05_0.05_size4_two_calls")) {
            for (JsonNode x : call) {
                assertEquals(x.asDouble(), u.uniform(-0.05, 0.05));
            }
        }
        NumpyGenerator s = NumpyGenerator.seeded(seedOf(c));
        for (JsonNode x : c.get("uniform_-0.6_-0.4_scalar")) {
            assertEquals(x.asDouble(), s.uniform(-0.6, -0.4));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void integersAndChoiceMatchNumpy(JsonNode c) {
        Iterator<Map.Entry<String, JsonNode>> calls = c.get("integers_scalar_calls").fields();
        while (calls.hasNext()) {
            Map.Entry<String, JsonNode> e = calls.next();
            long bound = Long.parseLong(e.getKey());
            NumpyGenerator rng = NumpyGenerator.seeded(seedOf(c));
            List<Long> got = new ArrayList<>();
            e.getValue().forEach(x -> got.add(rng.integers(bound)));
            assertEquals(longs(e.getValue()), got, "integers(" + bound + ")");
        }
        NumpyGenerator two = NumpyGenerator.seeded(seedOf(c));
        assertEquals(longs(c.get("integers_2_size8_one_call")), draw(8, () -> two.integers(2)));
        NumpyGenerator sym = NumpyGenerator.seeded(seedOf(c));
        assertEquals(longs(c.get("integers_-5_5")), draw(8, () -> sym.integers(-5, 5)));
        NumpyGenerator deck = NumpyGenerator.seeded(seedOf(c));
        int[] cards = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 10, 10};
        assertEquals(longs(c.get("choice_blackjack_deck")), draw(8, () -> (long) cards[deck.choice(cards.length)]));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void mixedSequenceSharesThe32BitBufferAsNumpyDoes(JsonNode c) {
        NumpyGenerator rng = NumpyGenerator.seeded(seedOf(c));
        for (JsonNode op : c.get("mixed_sequence_one_generator")) {
            String[] parts = op.get("op").asText().split(":");
            switch (parts[0]) {
                case "integers" -> assertEquals(op.get("value").asLong(), rng.integers(Long.parseLong(parts[1])));
                case "random" -> assertEquals(op.get("value").asDouble(), rng.random());
                case "uniform" -> assertEquals(op.get("value").asDouble(),
                        rng.uniform(Double.parseDouble(parts[1]), Double.parseDouble(parts[2])));
                case "random_raw" -> assertEquals(hex(op.get("value").asText()), rng.randomRaw());
                default -> throw new AssertionError("unknown op " + op);
            }
            assertEquals(op.get("has_uint32_after").asInt() == 1, rng.bitGenerator().hasBufferedUint32(), op.toString());
            if (rng.bitGenerator().hasBufferedUint32()) {
                assertEquals(op.get("uinteger_after").asLong(), rng.bitGenerator().bufferedUint32(), op.toString());
            }
        }
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asLong()));
        return out;
    }

    private static List<Long> draw(int n, LongSupplier draw) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(draw.getAsLong());
        }
        return out;
    }

    @Test
    void negativeSeedsAreRefusedAsNumpyDoes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NumpyGenerator.seeded(-1));
        assertEquals("seed must be non-negative, as numpy requires; got -1", e.getMessage());
    }
}
