package cn.tiaojie.cases;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.filesystem.FilesystemApiMetadata;

/**
 * An S3 server in the test's JVM: S3Proxy on 127.0.0.1 at a free port, keeping its objects in files under
 * {@code target/s3proxy-*}, with the documents bucket created and the case service's S3 store pointed at it.
 */
public class S3ProxyResource implements QuarkusTestResourceLifecycleManager {

    public static final String BUCKET = "tiaojie-case-documents";
    public static final String ACCESS_KEY = "case-service-test";
    public static final String SECRET_KEY = "case-service-test-secret";

    private BlobStoreContext blobs;
    private S3Proxy proxy;

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createDirectories(Path.of("target")).resolve("s3proxy-" + System.nanoTime());
            Files.createDirectories(dir);
            Properties properties = new Properties();
            properties.setProperty("jclouds.filesystem.basedir", dir.toAbsolutePath().toString());
            blobs = ContextBuilder.newBuilder(new FilesystemApiMetadata()).credentials("identity", "credential")
                    .overrides(properties).build(BlobStoreContext.class);
            blobs.getBlobStore().createContainerInLocation(null, BUCKET);
            proxy = S3Proxy.builder().blobStore(blobs.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
            proxy.start();
            for (int i = 0; i < 200 && !"STARTED".equals(proxy.getState()); i++) {
                Thread.sleep(50);
            }
            if (!"STARTED".equals(proxy.getState())) {
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            return Map.of(
                    "tiaojie.documents.store", "s3",
                    "tiaojie.documents.s3.endpoint", "http://127.0.0.1:" + proxy.getPort(),
                    "tiaojie.documents.s3.bucket", BUCKET,
                    "tiaojie.documents.s3.access-key-id", ACCESS_KEY,
                    "tiaojie.documents.s3.secret-access-key", SECRET_KEY);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        try {
            if (proxy != null) {
                proxy.stop();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            if (blobs != null) {
                blobs.close();
            }
        }
    }
}
