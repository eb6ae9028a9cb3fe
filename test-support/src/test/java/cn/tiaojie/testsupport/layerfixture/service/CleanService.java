package cn.tiaojie.testsupport.layerfixture.service;

import cn.tiaojie.testsupport.layerfixture.model.Thing;

/** Keeps the rules: a service may query entities and owns its transactions. */
public class CleanService {
    public long count() {
        return Thing.count();
    }
}
