package cn.tiaojie.cases.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Period;
import java.util.Optional;

/** A case's documents: where their bytes go and how much a case may hold. */
@ConfigMapping(prefix = "tiaojie.documents")
public interface DocumentsConfig {

    /** Where new documents' bytes go: {@code postgres} (large objects in the case database) or {@code s3}. */
    @WithDefault("postgres")
    String store();

    /** The largest document accepted. */
    @WithDefault("20M")
    MemorySize maxFileSize();

    /** The most a case's documents may hold together (deleted ones not counted). */
    @WithDefault("200M")
    MemorySize maxCaseSize();

    /** How long a deleted document's bytes are kept from its deletion. */
    @WithDefault("P30Y")
    Period retention();

    S3 s3();

    /** An S3-compatible object store (any S3 service; k8s/ documents a self-hosted one). */
    interface S3 {

        /** e.g. {@code http://seaweedfs-s3.tiaojie:8333}; absent: the SDK's default AWS endpoint for the region. */
        Optional<String> endpoint();

        @WithDefault("us-east-1")
        String region();

        @WithDefault("tiaojie-case-documents")
        String bucket();

        /** Path-style addressing ({@code endpoint/bucket/key}), which self-hosted stores need. */
        @WithDefault("true")
        boolean pathStyle();

        Optional<String> accessKeyId();

        Optional<String> secretAccessKey();
    }
}
