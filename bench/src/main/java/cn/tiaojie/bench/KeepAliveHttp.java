package cn.tiaojie.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 keep-alive connection to a service on loopback, for one bench thread: it writes a request and reads
 * the status, the headers and the body (Content-Length or chunked), and nothing more, so that the load generator
 * spends as little of the machine's CPU per request as the plain JDBC loop it is compared with (a general-purpose
 * client costs several times more per request). It counts the bytes an answer took on the wire, as a browser's
 * network panel does; a compressed body stays as it came. Reconnects when the server closes.
 */
public final class KeepAliveHttp implements AutoCloseable {

    /**
     * An answer: its headers by lower-case name, its body as sent (still compressed when it was), and every byte it
     * took on the wire (status line, headers, chunk framing and body).
     */
    public record Response(int status, Map<String, List<String>> headers, byte[] content, long wireBytes) {

        public String body() {
            return new String(content, StandardCharsets.UTF_8);
        }

        /** The first value of a header, or null. */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.getFirst();
        }
    }

    private final String host;
    private final int port;
    private Socket socket;
    private OutputStream out;
    private InputStream in;
    /** bytes of the answer being read so far */
    private long wireBytes;

    public KeepAliveHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** POSTs a JSON body with the given extra header lines ("Name: value"). */
    public Response postJson(String path, String json, String... headerLines) throws IOException {
        return post(path, "application/json", json, headerLines);
    }

    /** POSTs a body of the given content type with the given extra header lines ("Name: value"). */
    public Response post(String path, String contentType, String text, String... headerLines) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        return send("POST " + path + " HTTP/1.1\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                + body.length + "\r\n", body, headerLines);
    }

    /** GETs a path with the given extra header lines ("Name: value"). */
    public Response get(String path, String... headerLines) throws IOException {
        return send("GET " + path + " HTTP/1.1\r\n", new byte[0], headerLines);
    }

    private Response send(String requestLineAndBodyHeaders, byte[] body, String... headerLines) throws IOException {
        StringBuilder head = new StringBuilder(256).append(requestLineAndBodyHeaders).append("Host: ")
                .append(host).append(':').append(port).append("\r\n");
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        head.append("\r\n");
        for (int attempt = 1; ; attempt++) {
            try {
                connectIfNeeded();
                out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                return readResponse();
            } catch (IOException e) {
                close();
                if (attempt >= 2) {
                    throw e;
                }
            }
        }
    }

    private void connectIfNeeded() throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }
    }

    private Response readResponse() throws IOException {
        wireBytes = 0;
        String statusLine = line();
        if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP/1.1 status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int length = 0;
        boolean chunked = false;
        boolean closing = false;
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, Math.max(colon, 0)).strip().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).strip();
            headers.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
            switch (name) {
                case "content-length" -> length = Integer.parseInt(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closing = value.toLowerCase(Locale.ROOT).contains("close");
                default -> { }
            }
        }
        byte[] body = chunked ? chunkedBody() : bytes(length);
        if (closing) {
            close();
        }
        return new Response(status, headers, body, wireBytes);
    }

    private byte[] chunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(8 * 1024);
        for (int size = chunkSize(); size > 0; size = chunkSize()) {
            body.write(bytes(size));
            line(); // the CRLF after each chunk
        }
        for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
            // trailers: none expected, skipped
        }
        return body.toByteArray();
    }

    private int chunkSize() throws IOException {
        String line = line();
        int extension = line.indexOf(';');
        return Integer.parseInt((extension < 0 ? line : line.substring(0, extension)).strip(), 16);
    }

    private byte[] bytes(int length) throws IOException {
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new IOException("connection closed in the middle of a body");
        }
        wireBytes += length;
        return body;
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed by the server");
            }
            wireBytes++;
            if (b != '\r') {
                line.write(b);
            }
        }
        wireBytes++;
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
            socket = null;
        }
    }
}
