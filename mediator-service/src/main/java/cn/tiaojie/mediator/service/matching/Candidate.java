package cn.tiaojie.mediator.service.matching;

import java.time.Instant;
import java.util.Map;

/** A mediator matching would offer the place to; {@code contact} is what the offer's notice needs. */
public record Candidate(String mediatorId, String name, String areaCode, int capacity, double score,
        Map<String, Double> factors, long load, long recentOffers, Instant lastOfferedAt, Contact contact) {
}
