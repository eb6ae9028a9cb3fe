package cn.tiaojie.mediator;

import cn.tiaojie.testsupport.PackagedServiceResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * One embedded PostgreSQL for every test of this module, with the DEV-ONLY keys as files: the same resource for the
 * {@code @QuarkusTest}s and for {@link MediatorServiceIT}, whose packaged service cannot read the test class path
 * (two global resources would each set the key locations, and the class path's could win).
 */
@WithTestResource(value = PackagedServiceResource.class, scope = TestResourceScope.GLOBAL)
public final class PostgresResource {
}
