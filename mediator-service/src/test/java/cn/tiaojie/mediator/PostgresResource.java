package cn.tiaojie.mediator;

import cn.tiaojie.testsupport.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** One embedded PostgreSQL for every test of this module. */
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
public final class PostgresResource {
}
