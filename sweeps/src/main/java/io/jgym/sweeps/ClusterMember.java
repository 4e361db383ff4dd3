package io.jgym.sweeps;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.util.List;
import java.util.Optional;

/**
 * A sweep worker: an embedded Hazelcast member ({@code ./jgym worker}) whose durable executor trains
 * sweep runs, {@code workers} at a time. Members find each other by TCP-IP join on the addresses given
 * (never multicast); Hazelcast's phone-home check is off, since nothing may go out at run time.
 */
public final class ClusterMember {
    /** The durable executor that sweeps submit to and workers run. */
    static final String EXECUTOR = "jgym-sweeps";
    /** Hazelcast's default member port, also ours. */
    public static final int DEFAULT_PORT = 5701;
    /** How many results a partition's ring buffer keeps until the coordinator takes them. */
    private static final int CAPACITY = 1_000;

    private ClusterMember() {
    }

    /**
     * Starts a member of {@code cluster} on {@code port} (0: any free port), joining {@code members}
     * (host:port), bound to {@code host} when given.
     */
    public static HazelcastInstance start(String cluster, List<String> members, int port, Optional<String> host, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("--workers must be at least 1, got " + workers);
        }
        Config config = new Config().setClusterName(cluster).setProperty("hazelcast.phone.home.enabled", "false")
                .setProperty("hazelcast.logging.type", "slf4j");
        NetworkConfig network = config.getNetworkConfig().setPort(port).setPortAutoIncrement(port != 0);
        host.ifPresent(address -> network.getInterfaces().setEnabled(true).addInterface(address));
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(members);
        config.getDurableExecutorConfig(EXECUTOR).setPoolSize(workers).setDurability(1).setCapacity(CAPACITY);
        return Hazelcast.newHazelcastInstance(config);
    }

    /** The address other members and sweeps reach {@code member} at, host:port. */
    public static String address(HazelcastInstance member) {
        var socket = member.getCluster().getLocalMember().getSocketAddress();
        return socket.getAddress().getHostAddress() + ":" + socket.getPort();
    }
}
