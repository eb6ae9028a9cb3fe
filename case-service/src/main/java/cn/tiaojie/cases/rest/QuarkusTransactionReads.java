package cn.tiaojie.cases.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.concurrent.Callable;

/** Short read transactions around access checks and the views answered after a write has committed. */
final class QuarkusTransactionReads {

    private QuarkusTransactionReads() {
    }

    static <T> T call(Callable<T> work) {
        return QuarkusTransaction.joiningExisting().call(work);
    }

    static void run(Runnable work) {
        QuarkusTransaction.joiningExisting().run(work);
    }
}
