package cn.tiaojie.cases.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.tiaojie.contracts.cases.v1.CaseServiceGrpc;
import cn.tiaojie.contracts.cases.v1.GetCaseRequest;
import cn.tiaojie.local.DevTokens;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** gRPC between services carries a service token; calls without one, or with a person's token, are refused. */
@QuarkusTest
class ServiceIdentityTest {

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @GrpcClient("case")
    CaseServiceGrpc.CaseServiceBlockingStub withServiceToken;

    ManagedChannel raw;

    @BeforeEach
    void open() {
        raw = ManagedChannelBuilder.forAddress("localhost", port).usePlaintext().build();
    }

    @AfterEach
    void close() {
        raw.shutdownNow();
    }

    @Test
    void aCallWithTheServiceTokenGetsThrough() {
        StatusRuntimeException notFound = assertThrows(StatusRuntimeException.class,
                () -> withServiceToken.getCase(GetCaseRequest.newBuilder().setCaseId(UUID.randomUUID().toString()).build()));
        assertEquals(Status.Code.NOT_FOUND, notFound.getStatus().getCode());
    }

    @Test
    void aCallWithoutATokenIsUnauthenticated() {
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                () -> CaseServiceGrpc.newBlockingStub(raw).getCase(request()));
        assertEquals(Status.Code.UNAUTHENTICATED, refused.getStatus().getCode());
    }

    @Test
    void aPersonsTokenIsNotAServiceToken() {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
                "Bearer " + DevTokens.forRole("staff").claim("center", "QX-COUNTY").sign());
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                () -> CaseServiceGrpc.newBlockingStub(raw)
                        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers)).getCase(request()));
        assertEquals(Status.Code.PERMISSION_DENIED, refused.getStatus().getCode());
    }

    private static GetCaseRequest request() {
        return GetCaseRequest.newBuilder().setCaseId(UUID.randomUUID().toString()).build();
    }
}
