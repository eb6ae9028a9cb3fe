package cn.tiaojie.mediator.service.matching;

import java.util.List;

/** How a candidate is reached, as the ranking read it: what an offer's notice needs. */
public record Contact(String phone, String email, List<String> languages, List<String> channels) {
}
