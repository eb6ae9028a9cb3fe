package cn.tiaojie.notify;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The multipart form a center's screen posts to record a paper service, built byte for byte. */
public final class PaperSlips {

    public static final String CONTENT_TYPE = "multipart/form-data; boundary=tiaojie-slip";
    /** the first bytes of a JPEG, then anything: what the server checks is the signature */
    public static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10, 'J', 'F', 'I', 'F',
            0, 1, 2, 3, 4, 5};

    private PaperSlips() {
    }

    /** The fields as text parts and, unless null, the slip as a file part. */
    public static byte[] form(Map<String, String> fields, byte[] slip) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(out, "--tiaojie-slip\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + value + "\r\n"));
        if (slip != null) {
            write(out, "--tiaojie-slip\r\nContent-Disposition: form-data; name=\"slip\"; filename=\"slip.jpg\"\r\n"
                    + "Content-Type: image/jpeg\r\n\r\n");
            out.writeBytes(slip);
            write(out, "\r\n");
        }
        write(out, "--tiaojie-slip--\r\n");
        return out.toByteArray();
    }

    /** What a grid worker who handed the notice to the recipient writes down. */
    public static Map<String, String> handedOver(String servedAt) {
        return Map.of("servedBy", "网格员李四", "servedAt", servedAt, "place", "白溪镇溪东村 3 组 12 号",
                "receivedBy", "张三");
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
