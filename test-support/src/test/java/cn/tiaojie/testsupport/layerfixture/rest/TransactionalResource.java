package cn.tiaojie.testsupport.layerfixture.rest;

import jakarta.transaction.Transactional;

/** Breaks the rule for edges: it opens a transaction. */
public class TransactionalResource {
    @Transactional
    public void write() {
    }
}
