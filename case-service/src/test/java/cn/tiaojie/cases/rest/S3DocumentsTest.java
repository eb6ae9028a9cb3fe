package cn.tiaojie.cases.rest;

import cn.tiaojie.cases.S3ProxyResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** The documents' contract with their bytes in the S3 store, talking to S3Proxy. */
@QuarkusTest
@TestProfile(S3DocumentsTest.S3Store.class)
class S3DocumentsTest extends DocumentsTest {

    public static class S3Store implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(S3ProxyResource.class));
        }
    }

    @ConfigProperty(name = "tiaojie.documents.s3.endpoint")
    String endpoint;

    @Override
    long storedObjects() {
        try (S3Client s3 = client()) {
            return s3.listObjectsV2Paginator(b -> b.bucket(S3ProxyResource.BUCKET)).contents().stream().count();
        }
    }

    @Override
    boolean bytesKept(String storageKey) {
        try (S3Client s3 = client()) {
            s3.headObject(b -> b.bucket(S3ProxyResource.BUCKET).key(storageKey));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }

    @Override
    String storeName() {
        return "S3";
    }

    private S3Client client() {
        return S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                .forcePathStyle(true).endpointOverride(URI.create(endpoint))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3ProxyResource.ACCESS_KEY, S3ProxyResource.SECRET_KEY)))
                .build();
    }
}
