import java.util.Set;
import org.deeplearning4j.gym.Client;
import org.deeplearning4j.gym.ClientFactory;
import org.deeplearning4j.gym.ClientUtils;
import org.deeplearning4j.gym.StepReply;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.space.DiscreteSpace;
import org.deeplearning4j.rl4j.space.GymObservationSpace;
import org.json.JSONObject;

/**
 * Drives RL4J's gym-java-client 1.0.0-beta6, unchanged, against the server at args[0] through a
 * whole CartPole episode, the spaces, the monitor and the close route, printing what it saw for
 * Rl4jGymClientTest to check. Run as a single-file program with the client's jars first on the
 * class path; any exception ends it with a non-zero status.
 */
public class Rl4jGymClientDriver {
    public static void main(String[] args) {
        String url = args[0];
        Client<Box, Integer, DiscreteSpace> client = ClientFactory.build(url, "CartPole-v1", false);
        System.out.println("instance " + client.getInstanceId());
        Set<String> all = Client.listAll(url);
        System.out.println("listed " + all.contains(client.getInstanceId()));
        DiscreteSpace actions = (DiscreteSpace) client.getActionSpace();
        System.out.println("actions " + actions.getSize());
        GymObservationSpace<Box> observations = client.getObservationSpace();
        System.out.println("observation shape " + java.util.Arrays.toString(observations.getShape()));
        client.monitorStart("rl4j-run", true, false);
        Box first = client.reset();
        System.out.println("reset length " + first.toArray().length);
        int steps = 0;
        double total = 0;
        StepReply<Box> reply;
        do {
            reply = client.step(steps % 2);
            total += reply.getReward();
            steps++;
        } while (!reply.isDone() && steps < 1000);
        System.out.println("episode steps " + steps + " return " + total + " done " + reply.isDone());
        client.monitorClose();
        // This release's Client has no close(); its own transport posts to the route it names.
        ClientUtils.post(url + Client.ENVS_ROOT + client.getInstanceId() + Client.CLOSE, new JSONObject());
        System.out.println("closed listed " + Client.listAll(url).contains(client.getInstanceId()));
        try {
            com.mashape.unirest.http.Unirest.shutdown();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
