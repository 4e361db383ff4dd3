package io.jgym.envs.toytext;

import io.jgym.contracts.EnvOptions;
import io.jgym.contracts.Reset;
import io.jgym.contracts.SeededEnv;
import io.jgym.contracts.Step;
import io.jgym.contracts.space.Discrete;
import io.jgym.contracts.space.Space;
import io.jgym.contracts.space.TupleSpace;
import io.jgym.contracts.space.Value;
import java.util.ArrayList;
import java.util.List;
import io.jgym.contracts.Frame;
import java.util.Optional;
import io.jgym.envs.render.GridRenderer;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Blackjack against a dealer who draws to 17, from an infinite deck (Sutton and Barto, Example
 * 5.1), step for step as Gymnasium's {@code BlackjackEnv}.
 *
 * <h2>Action space</h2>
 * {@code Discrete(2)}: 0 stick, 1 hit.
 *
 * <h2>Observation space</h2>
 * {@code Tuple(Discrete(32), Discrete(11), Discrete(2))}: the player's sum, the dealer's showing
 * card (1 = ace) and whether the player holds a usable ace.
 *
 * <h2>Reward</h2>
 * +1 win, -1 loss, 0 draw (as floats). With {@code sab} (the default for Blackjack-v1) a natural
 * blackjack wins +1 unless the dealer also has one; with {@code natural} and not {@code sab} it pays 1.5.
 *
 * <h2>Starting state</h2>
 * Two cards to the dealer, then two to the player, each {@code choice} of 13 card values; then the
 * draws Gymnasium makes only for rendering: the dealer card's suit, and a face (J, Q, K) when it
 * shows 10. They are taken here too, so the random stream stays aligned.
 *
 * <h2>Episode end</h2>
 * Terminates when the player sticks or busts. There is no time limit.
 */
public final class Blackjack extends SeededEnv {
    private static final int[] DECK = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 10, 10};
    private static final int SUITS = 4;
    private static final int FACES = 3;
    private static final int DEALER_STANDS_AT = 17;
    private static final Space ACTION_SPACE = new Discrete(2);
    private static final Space OBSERVATION_SPACE = new TupleSpace(List.of(new Discrete(32), new Discrete(11), new Discrete(2)));

    private final boolean natural;
    private final boolean sab;
    private final List<Integer> player = new ArrayList<>();
    private final List<Integer> dealer = new ArrayList<>();
    private boolean finished;

    /** A table built from creation options ({@code natural}, {@code sab}). */
    public static Blackjack create(String envId, EnvOptions options, boolean defaultSab) {
        boolean natural = options.getBoolean("natural", false);
        boolean sab = options.getBoolean("sab", defaultSab);
        options.requireAllUsed(envId);
        return new Blackjack(natural, sab);
    }

    private Blackjack(boolean natural, boolean sab) {
        super(OBSERVATION_SPACE, ACTION_SPACE);
        this.natural = natural;
        this.sab = sab;
    }

    @Override
    public Reset reset(OptionalLong seed) {
        reseed(seed);
        dealer.clear();
        player.clear();
        finished = false;
        dealer.add(drawCard());
        dealer.add(drawCard());
        player.add(drawCard());
        player.add(drawCard());
        rng().choice(SUITS);
        if (dealer.get(0) == 10) {
            rng().choice(FACES);
        }
        return Reset.of(observation());
    }

    @Override
    public Step step(Value action) {
        checkStep(action);
        boolean terminated;
        double reward;
        if (((Value.Int) action).value() == 1) {
            player.add(drawCard());
            terminated = isBust(player);
            reward = terminated ? -1.0 : 0.0;
        } else {
            terminated = true;
            while (sumHand(dealer) < DEALER_STANDS_AT) {
                dealer.add(drawCard());
            }
            reward = Integer.compare(score(player), score(dealer));
            if (sab && isNatural(player) && !isNatural(dealer)) {
                reward = 1.0;
            } else if (!sab && natural && isNatural(player) && reward == 1.0) {
                reward = 1.5;
            }
        }
        finished = terminated;
        return new Step(observation(), reward, terminated, false, Map.of());
    }

    /** Draws both hands; the dealer's hidden card shows once the episode is over. */
    @Override
    public Optional<Frame> render() {
        if (!started()) {
            return Optional.empty();
        }
        return Optional.of(GridRenderer.blackjack(player, dealer, finished));
    }

    /** The player's and dealer's hands, for parity checks. */
    public List<List<Integer>> hands() {
        return List.of(List.copyOf(player), List.copyOf(dealer));
    }

    private int drawCard() {
        return DECK[rng().choice(DECK.length)];
    }

    private static boolean usableAce(List<Integer> hand) {
        return hand.contains(1) && sum(hand) + 10 <= 21;
    }

    private static int sum(List<Integer> hand) {
        return hand.stream().mapToInt(Integer::intValue).sum();
    }

    private static int sumHand(List<Integer> hand) {
        return usableAce(hand) ? sum(hand) + 10 : sum(hand);
    }

    private static boolean isBust(List<Integer> hand) {
        return sumHand(hand) > 21;
    }

    private static int score(List<Integer> hand) {
        return isBust(hand) ? 0 : sumHand(hand);
    }

    private static boolean isNatural(List<Integer> hand) {
        return hand.size() == 2 && hand.contains(1) && hand.contains(10);
    }

    private Value observation() {
        return new Value.Tuple(List.of(Value.of(sumHand(player)), Value.of(dealer.get(0)), Value.of(usableAce(player) ? 1 : 0)));
    }
}
