package cn.tiaojie.web.ui;

import io.quarkus.qute.TemplateGlobal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The version the pages put on the application's own scripts and stylesheet ({@code /static/app.css?v=…}): a digest
 * of their content, so a release that changes them is fetched at once although browsers keep them for a week.
 */
@TemplateGlobal
public final class Assets {

    static final List<String> OWN = List.of("app.css", "app.js", "cockpit.js", "resident.css", "resident.js");

    public static final String assetVersion = digest();

    private Assets() {
    }

    private static String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String name : OWN) {
                try (InputStream in = Assets.class.getClassLoader().getResourceAsStream("META-INF/resources/static/" + name)) {
                    if (in != null) {
                        sha.update(in.readAllBytes());
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
