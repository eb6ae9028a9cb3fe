package cn.tiaojie.testsupport.layerfixture.service;

import cn.tiaojie.testsupport.layerfixture.rest.ThingRequest;

/** Breaks the rule for services: it takes a REST type. */
public class RestTakingService {
    public String name(ThingRequest request) {
        return request.name();
    }
}
