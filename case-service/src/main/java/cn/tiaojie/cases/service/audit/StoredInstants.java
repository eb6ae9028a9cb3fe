package cn.tiaojie.cases.service.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Instants as PostgreSQL keeps them (microseconds), so a record's digest taken before it is stored equals the one
 * taken after it is read back.
 */
public final class StoredInstants {

    private StoredInstants() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
