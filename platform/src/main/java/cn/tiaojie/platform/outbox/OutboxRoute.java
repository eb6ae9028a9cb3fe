package cn.tiaojie.platform.outbox;

/**
 * An outbox topic delivered by one call of a client: the payload is parsed into the message the call takes. A
 * service lists its routes in one place, so which topic goes where is read there, not across handler classes.
 */
public final class OutboxRoute<M> implements OutboxHandler {

    @FunctionalInterface
    public interface Parser<M> {
        M parse(byte[] payload) throws Exception;
    }

    @FunctionalInterface
    public interface Call<M> {
        void deliver(M message) throws Exception;
    }

    private final String topic;
    private final Parser<M> parser;
    private final Call<M> call;
    private final boolean writesToDatabase;

    private OutboxRoute(String topic, Parser<M> parser, Call<M> call, boolean writesToDatabase) {
        this.topic = topic;
        this.parser = parser;
        this.call = call;
        this.writesToDatabase = writesToDatabase;
    }

    /** A route whose call only reaches the other service. */
    public static <M> OutboxRoute<M> to(String topic, Parser<M> parser, Call<M> call) {
        return new OutboxRoute<>(topic, parser, call, false);
    }

    /** A route whose call also writes to this service's database after the other service answered. */
    public static <M> OutboxRoute<M> writing(String topic, Parser<M> parser, Call<M> call) {
        return new OutboxRoute<>(topic, parser, call, true);
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public void deliver(byte[] payload) throws Exception {
        call.deliver(parser.parse(payload));
    }

    @Override
    public boolean writesToDatabase() {
        return writesToDatabase;
    }
}
