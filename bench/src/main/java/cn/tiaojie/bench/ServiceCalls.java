package cn.tiaojie.bench;

import cn.tiaojie.local.DevTokens;
import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;

/** What a bench needs to call a service's gRPC API as another service would: a service token. */
public final class ServiceCalls {

    private ServiceCalls() {
    }

    /** Attaches a DEV-ONLY service token (role service), valid for the bench's run. */
    public static ClientInterceptor serviceToken() {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
                "Bearer " + DevTokens.forRole("service").subject("bench").sign());
        return MetadataUtils.newAttachHeadersInterceptor(headers);
    }
}
