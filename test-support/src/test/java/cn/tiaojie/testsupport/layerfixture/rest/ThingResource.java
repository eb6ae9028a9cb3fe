package cn.tiaojie.testsupport.layerfixture.rest;

import cn.tiaojie.testsupport.layerfixture.model.Thing;

/** Breaks the rule for edges: it queries an entity itself. */
public class ThingResource {
    public long count() {
        return Thing.count();
    }
}
