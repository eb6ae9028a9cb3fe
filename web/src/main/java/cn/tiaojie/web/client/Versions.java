package cn.tiaojie.web.client;

/** The services guard edits with ETags: a page carries the version it showed and sends it back as If-Match. */
public final class Versions {

    private Versions() {
    }

    /** The If-Match header for the version a form carried; none when it carried none. */
    public static String ifMatch(Object version) {
        String text = version == null ? "" : version.toString().strip();
        return text.isEmpty() ? null : "\"" + text + "\"";
    }
}
