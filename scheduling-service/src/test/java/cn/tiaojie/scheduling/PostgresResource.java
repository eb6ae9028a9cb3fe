package cn.tiaojie.scheduling;

import cn.tiaojie.testsupport.PackagedServiceResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * One embedded PostgreSQL for every test of this module. The resource that also suits the packaged artifact
 * ({@code SchedulingServiceIT}), which names the same one: a global resource is found on the whole test class path,
 * and two of them would each set the token keys.
 */
@WithTestResource(value = PackagedServiceResource.class, scope = TestResourceScope.GLOBAL)
public final class PostgresResource {
}
