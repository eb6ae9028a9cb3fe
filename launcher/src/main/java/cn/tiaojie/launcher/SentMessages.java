package cn.tiaojie.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ./tiaojie outbox [--json]}: what the running suite's SMS gateway and SMTP server received. */
final class SentMessages {

    private static final Pattern FIELD = Pattern.compile("\"(to|receivedAt|body|subject|text|fileName|size)\":(\"((?:[^\"\\\\]|\\\\.)*)\"|\\d+)");

    private SentMessages() {
    }

    static int print(Path root, boolean json, PrintStream out) throws IOException, InterruptedException {
        Path urlFile = Suite.Options.local(root).stateDirectory().resolve("outbox.url");
        if (!Files.exists(urlFile)) {
            out.println("The suite is not running (./tiaojie up starts it).");
            return 1;
        }
        String body;
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create(Files.readString(urlFile).strip())).build(),
                            HttpResponse.BodyHandlers.ofString());
            body = response.body();
        } catch (IOException e) {
            out.println("The suite is not running (./tiaojie up starts it).");
            return 1;
        }
        if (json) {
            out.println(body);
            return 0;
        }
        int mailStart = body.indexOf("],\"mail\":[");
        out.println("== SMS ==");
        printRecords(body.substring(0, mailStart), out);
        out.println("== E-mail ==");
        printRecords(body.substring(mailStart), out);
        return 0;
    }

    /** One line per field, a blank line between records; values unescaped. */
    private static void printRecords(String json, PrintStream out) {
        Matcher m = FIELD.matcher(json);
        int count = 0;
        while (m.find()) {
            String name = m.group(1);
            String value = m.group(3) != null ? unescape(m.group(3)) : m.group(2);
            if (name.equals("to") && count++ > 0) {
                out.println();
            }
            if (name.equals("body") || name.equals("text")) {
                out.println("  " + value.replace("\n", "\n  "));
            } else if (name.equals("fileName")) {
                out.print("  attachment: " + value);
            } else if (name.equals("size")) {
                out.println(" (" + value + " bytes)");
            } else {
                out.println(name + ": " + value);
            }
        }
        if (count == 0) {
            out.println("(none)");
        }
        out.println();
    }

    private static String unescape(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                switch (next) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(value.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> out.append(next);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
