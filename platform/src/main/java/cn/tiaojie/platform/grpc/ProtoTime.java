package cn.tiaojie.platform.grpc;

import com.google.protobuf.Timestamp;
import java.time.Instant;

/** Converts between java.time and protobuf timestamps; an unset timestamp is null. */
public final class ProtoTime {

    private ProtoTime() {
    }

    public static Timestamp of(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    public static Instant toInstant(Timestamp timestamp) {
        if (timestamp == null || (timestamp.getSeconds() == 0 && timestamp.getNanos() == 0)) {
            return null;
        }
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
}
