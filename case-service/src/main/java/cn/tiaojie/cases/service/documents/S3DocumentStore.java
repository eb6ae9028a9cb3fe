package cn.tiaojie.cases.service.documents;

import cn.tiaojie.cases.config.DocumentsConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Documents in an S3-compatible object store (any S3 service, by configuration), under a random key per document.
 * An upload goes in parts of 8 MiB (the one part in memory at a time), as one object when it is smaller.
 */
@ApplicationScoped
public class S3DocumentStore implements DocumentStore {

    public static final String NAME = "S3";
    static final int PART = 8 * 1024 * 1024;

    private final DocumentsConfig.S3 config;
    private volatile S3Client client;

    S3DocumentStore(DocumentsConfig config) {
        this.config = config.s3();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String put(InputStream bytes) {
        String key = "documents/" + UUID.randomUUID();
        String bucket = config.bucket();
        try {
            byte[] part = new byte[PART];
            int filled = bytes.readNBytes(part, 0, PART);
            if (filled < PART) {
                client().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(slice(part, filled)));
                return key;
            }
            String upload = client().createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
            try {
                List<CompletedPart> parts = new ArrayList<>();
                while (filled > 0) {
                    int number = parts.size() + 1;
                    String etag = client().uploadPart(b -> b.bucket(bucket).key(key).uploadId(upload).partNumber(number),
                            RequestBody.fromBytes(slice(part, filled))).eTag();
                    parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                    filled = bytes.readNBytes(part, 0, PART);
                }
                client().completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload)
                        .multipartUpload(m -> m.parts(parts)));
                return key;
            } catch (RuntimeException | IOException e) {
                client().abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload));
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void copyTo(String key, OutputStream out) {
        try (InputStream in = client().getObject(b -> b.bucket(config.bucket()).key(key))) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void discard(String key) {
        client().deleteObject(b -> b.bucket(config.bucket()).key(key));
    }

    private static byte[] slice(byte[] part, int length) {
        return length == part.length ? part : java.util.Arrays.copyOf(part, length);
    }

    /** Built on first use, so a service that keeps its documents in PostgreSQL never needs S3 settings. */
    private S3Client client() {
        S3Client c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    var builder = S3Client.builder().httpClient(UrlConnectionHttpClient.create())
                            .region(Region.of(config.region())).forcePathStyle(config.pathStyle())
                            // checksums only where S3 requires them: self-hosted S3 stores refuse the SDK's
                            // default streamed checksum trailers on uploads
                            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                            .credentialsProvider(config.accessKeyId().isPresent()
                                    ? StaticCredentialsProvider.create(AwsBasicCredentials.create(
                                            config.accessKeyId().get(), config.secretAccessKey().orElse("")))
                                    : DefaultCredentialsProvider.builder().build());
                    config.endpoint().map(URI::create).ifPresent(builder::endpointOverride);
                    client = builder.build();
                }
                c = client;
            }
        }
        return c;
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}
