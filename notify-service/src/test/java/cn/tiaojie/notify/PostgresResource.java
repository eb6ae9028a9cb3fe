package cn.tiaojie.notify;

import cn.tiaojie.testsupport.PackagedServiceResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * One embedded PostgreSQL for every test of this module, the @QuarkusTests and the packaged service's IT alike:
 * the same resource as {@link NotifyServiceIT}'s (the DEV-ONLY keys handed over as files), so both name one.
 */
@WithTestResource(value = PackagedServiceResource.class, scope = TestResourceScope.GLOBAL)
public final class PostgresResource {
}
