package cn.tiaojie.platform.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * Times in request bodies are ISO-8601 text and nothing else: an instant with its offset
 * ({@code 2026-05-04T08:00:00+08:00} or {@code …Z}), a local time ({@code 09:00}). Jackson would otherwise read a
 * number, or text holding only digits, as seconds since 1970, so a malformed field would become a valid time.
 */
@Singleton
public class StrictTimes implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("strict-times")
                .addDeserializer(Instant.class, new IsoText<>(Instant.class,
                        text -> OffsetDateTime.parse(text).toInstant(), "an ISO-8601 date-time with offset"))
                .addDeserializer(LocalTime.class, new IsoText<>(LocalTime.class, LocalTime::parse,
                        "a local time such as 09:00")));
    }

    @Override
    public int priority() {
        // after the defaults, so these readers replace the lenient ones
        return MINIMUM_PRIORITY;
    }

    static final class IsoText<T> extends StdScalarDeserializer<T> {

        private final Class<T> type;
        private final Function<String, T> parse;
        private final String expected;

        IsoText(Class<T> type, Function<String, T> parse, String expected) {
            super(type);
            this.type = type;
            this.parse = parse;
            this.expected = expected;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return type.cast(context.handleUnexpectedToken(type, parser));
            }
            String text = parser.getText();
            try {
                return parse.apply(text);
            } catch (DateTimeParseException e) {
                throw InvalidFormatException.from(parser, "must be " + expected, text, type);
            }
        }
    }
}
