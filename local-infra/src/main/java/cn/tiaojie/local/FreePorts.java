package cn.tiaojie.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for servers started later, chosen below the kernel's ephemeral range (32768 and up on Linux): a port picked
 * with {@code new ServerSocket(0)} comes from that range and can be taken by any outgoing connection (a JDBC pool,
 * say) before the server that was meant to get it binds.
 */
public final class FreePorts {

    private static final int LOWEST = 20000;
    private static final int BELOW_EPHEMERAL = 32768;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    /** A port nobody listens on now and that this JVM has not handed out before. */
    public static int next() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, BELOW_EPHEMERAL);
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                probe.setReuseAddress(true);
                if (HANDED_OUT.add(port)) {
                    return port;
                }
            } catch (IOException inUse) {
                // taken: try another
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + BELOW_EPHEMERAL);
    }
}
