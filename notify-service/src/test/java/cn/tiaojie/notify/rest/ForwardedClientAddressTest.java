package cn.tiaojie.notify.rest;

import static cn.tiaojie.notify.NoticeRequests.hearingNotice;
import static cn.tiaojie.notify.NoticeRequests.partyAt;
import static cn.tiaojie.notify.NoticeRequests.uniqueKey;
import static cn.tiaojie.notify.NoticeRequests.uniquePhone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.contracts.common.v1.NoticeChannel;
import cn.tiaojie.contracts.notify.v1.NotifyServiceGrpc;
import cn.tiaojie.notify.model.Channel;
import cn.tiaojie.notify.model.Receipt;
import cn.tiaojie.notify.service.link.NoticeLinks;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Behind the ingress the service believes X-Forwarded-For only from a trusted proxy: here the trusted range is the
 * loopback address 127.0.0.2 alone, so a request from 127.0.0.1 plays a client that spoofs the header and one from
 * 127.0.0.2 plays the ingress controller. The proof of service records the address the service saw.
 */
@QuarkusTest
@TestProfile(ForwardedClientAddressTest.TrustedIngress.class)
class ForwardedClientAddressTest {

    public static class TrustedIngress implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.trusted-proxies", "127.0.0.2/32", "quarkus.http.test-host", "0.0.0.0");
        }
    }

    @GrpcClient("notify")
    NotifyServiceGrpc.NotifyServiceBlockingStub notify;

    @Inject
    NoticeLinks links;

    @TestHTTPResource("/")
    URL base;

    @Test
    void aForwardedAddressFromAnUntrustedPeerIsIgnored() throws Exception {
        UUID id = newNotice();
        assertEquals(200, confirmFrom("127.0.0.1", id, "203.0.113.7"));
        assertEquals("127.0.0.1", receiptAddress(id), "the spoofed X-Forwarded-For is not believed");
    }

    @Test
    void theIngressControllersForwardedAddressIsTheClients() throws Exception {
        UUID id = newNotice();
        assertEquals(200, confirmFrom("127.0.0.2", id, "203.0.113.9"));
        assertEquals("203.0.113.9", receiptAddress(id), "the resident's address, as the trusted proxy forwards it");
    }

    private UUID newNotice() {
        return UUID.fromString(notify.sendNotice(hearingNotice(uniqueKey(), "case-" + UUID.randomUUID(),
                partyAt("P-XFF-" + UUID.randomUUID(), uniquePhone(), "", NoticeChannel.SMS))).getNoticeId());
    }

    /** Confirms the notice over a connection from the given local address, with the given X-Forwarded-For. */
    private int confirmFrom(String localAddress, UUID notice, String forwardedFor) throws IOException {
        String path = URI.create(links.noticeUrl(notice, Channel.SMS, Instant.now())).getPath() + "/ack";
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), base.getPort()), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: n.tiaojie.example\r\nX-Forwarded-For: " + forwardedFor
                    + "\r\nX-Forwarded-Proto: https\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 "), response);
            return Integer.parseInt(response.substring(9, 12));
        }
    }

    private static String receiptAddress(UUID notice) {
        return QuarkusTransaction.requiringNew().call(() -> Receipt.<Receipt>findById(notice).ip);
    }
}
