package cn.tiaojie.notify.service.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * A plain A4 document of Chinese (and Latin) text. It uses STSong-Light, one of the fonts every PDF reader has for
 * simplified Chinese (Adobe-GB1, encoding UniGB-UCS2-H), so no font file ships or is embedded and a notice stays a
 * few kilobytes. A ToUnicode map makes the text searchable and copyable.
 */
public final class CjkPdf {

    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth();
    private static final float HEIGHT = PDRectangle.A4.getHeight();
    private static final COSName FONT = COSName.getPDFName("F1");

    private record Line(String text, float size, boolean centered) {
    }

    private final List<Line> lines = new ArrayList<>();
    private final String title;

    public CjkPdf(String title) {
        this.title = title;
    }

    public CjkPdf heading(String text) {
        lines.add(new Line(text, 18, true));
        lines.add(new Line("", 8, false));
        return this;
    }

    /** A paragraph wrapped to the page width; its own line breaks are kept. */
    public CjkPdf paragraph(String text) {
        for (String line : text.split("\\R", -1)) {
            wrap(line, 11).forEach(l -> lines.add(new Line(l, 11, false)));
        }
        return this;
    }

    public CjkPdf blank() {
        lines.add(new Line("", 11, false));
        return this;
    }

    public byte[] toBytes() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setProducer("Tiaojie notify-service");
            COSDictionary font = font(document);
            List<List<Line>> pages = paginate();
            for (List<Line> page : pages) {
                addPage(document, font, page);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF could not be written", e);
        }
    }

    private List<List<Line>> paginate() {
        List<List<Line>> pages = new ArrayList<>();
        List<Line> current = new ArrayList<>();
        float y = HEIGHT - MARGIN;
        for (Line line : lines) {
            float step = line.size() * 1.6f;
            if (y - step < MARGIN && !current.isEmpty()) {
                pages.add(current);
                current = new ArrayList<>();
                y = HEIGHT - MARGIN;
            }
            current.add(line);
            y -= step;
        }
        pages.add(current);
        return pages;
    }

    private static void addPage(PDDocument document, COSDictionary font, List<Line> lines) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        COSDictionary fonts = new COSDictionary();
        fonts.setItem(FONT, font);
        PDResources resources = new PDResources();
        resources.getCOSObject().setItem(COSName.FONT, fonts);
        page.setResources(resources);
        StringBuilder content = new StringBuilder();
        float y = HEIGHT - MARGIN;
        for (Line line : lines) {
            y -= line.size() * 1.6f;
            if (line.text().isEmpty()) {
                continue;
            }
            float x = line.centered() ? (WIDTH - width(line.text(), line.size())) / 2 : MARGIN;
            content.append("BT /F1 ").append(line.size()).append(" Tf ")
                    .append(String.format(java.util.Locale.ROOT, "%.2f %.2f", x, y)).append(" Td <")
                    .append(hex(line.text())).append("> Tj ET\n");
        }
        PDStream stream = new PDStream(document);
        try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(content.toString().getBytes(StandardCharsets.US_ASCII));
        }
        page.setContents(stream);
        document.addPage(page);
    }

    /** UCS-2 big-endian code units: what UniGB-UCS2-H reads. Characters outside the BMP become a question mark. */
    private static String hex(String text) {
        StringBuilder hex = new StringBuilder(text.length() * 4);
        text.codePoints().forEach(cp -> hex.append(String.format("%04X", cp > 0xFFFF ? '?' : cp)));
        return hex.toString();
    }

    /** Latin is half the width of a Chinese character in this font. */
    private static float width(String text, float size) {
        float units = 0;
        for (int i = 0; i < text.length(); i++) {
            units += text.charAt(i) < 0x7F ? 500 : 1000;
        }
        return units / 1000 * size;
    }

    private static List<String> wrap(String text, float size) {
        float max = WIDTH - 2 * MARGIN;
        List<String> wrapped = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            line.append(text.charAt(i));
            if (width(line.toString(), size) > max) {
                line.setLength(line.length() - 1);
                wrapped.add(line.toString());
                line.setLength(0);
                line.append(text.charAt(i));
            }
        }
        wrapped.add(line.toString());
        return wrapped;
    }

    private static COSDictionary font(PDDocument document) throws IOException {
        COSDictionary systemInfo = new COSDictionary();
        systemInfo.setItem(COSName.REGISTRY, new COSString("Adobe"));
        systemInfo.setItem(COSName.ORDERING, new COSString("GB1"));
        systemInfo.setInt(COSName.SUPPLEMENT, 2);

        COSDictionary descriptor = new COSDictionary();
        descriptor.setItem(COSName.TYPE, COSName.FONT_DESC);
        descriptor.setName(COSName.FONT_NAME, "STSong-Light");
        descriptor.setInt(COSName.FLAGS, 6);
        COSArray box = new COSArray();
        for (int v : new int[] {-25, -254, 1000, 880}) {
            box.add(COSInteger.get(v));
        }
        descriptor.setItem(COSName.FONT_BBOX, box);
        descriptor.setInt(COSName.ITALIC_ANGLE, 0);
        descriptor.setInt(COSName.ASCENT, 880);
        descriptor.setInt(COSName.DESCENT, -120);
        descriptor.setInt(COSName.CAP_HEIGHT, 880);
        descriptor.setInt(COSName.STEM_V, 93);

        COSDictionary cidFont = new COSDictionary();
        cidFont.setItem(COSName.TYPE, COSName.FONT);
        cidFont.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE0);
        cidFont.setName(COSName.BASE_FONT, "STSong-Light");
        cidFont.setItem(COSName.CIDSYSTEMINFO, systemInfo);
        cidFont.setItem(COSName.FONT_DESC, descriptor);
        cidFont.setInt(COSName.DW, 1000);
        COSArray widths = new COSArray();
        widths.add(COSInteger.get(1));
        widths.add(COSInteger.get(95));
        widths.add(COSInteger.get(500));
        cidFont.setItem(COSName.W, widths);

        COSArray descendants = new COSArray();
        descendants.add(cidFont);
        COSDictionary font = new COSDictionary();
        font.setItem(COSName.TYPE, COSName.FONT);
        font.setItem(COSName.SUBTYPE, COSName.TYPE0);
        font.setName(COSName.BASE_FONT, "STSong-Light-UniGB-UCS2-H");
        font.setName(COSName.ENCODING, "UniGB-UCS2-H");
        font.setItem(COSName.DESCENDANT_FONTS, descendants);
        font.setItem(COSName.TO_UNICODE, toUnicode(document));
        return font;
    }

    /** Codes are UCS-2 already: the map is the identity over the BMP (surrogates left out). */
    private static COSStream toUnicode(PDDocument document) throws IOException {
        StringBuilder cmap = new StringBuilder("""
                /CIDInit /ProcSet findresource begin
                12 dict begin
                begincmap
                /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
                /CMapName /Adobe-Identity-UCS def
                /CMapType 2 def
                1 begincodespacerange
                <0000> <FFFF>
                endcodespacerange
                """);
        List<Integer> highBytes = new ArrayList<>();
        for (int high = 0; high <= 0xFF; high++) {
            if (high < 0xD8 || high > 0xDF) {
                highBytes.add(high);
            }
        }
        for (int from = 0; from < highBytes.size(); from += 100) {
            List<Integer> block = highBytes.subList(from, Math.min(from + 100, highBytes.size()));
            cmap.append(block.size()).append(" beginbfrange\n");
            for (int high : block) {
                cmap.append(String.format("<%02X00> <%02XFF> <%02X00>%n", high, high, high));
            }
            cmap.append("endbfrange\n");
        }
        cmap.append("""
                endcmap
                CMapName currentdict /CMap defineresource pop
                end
                end
                """);
        COSStream stream = document.getDocument().createCOSStream();
        try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(cmap.toString().getBytes(StandardCharsets.US_ASCII));
        }
        return stream;
    }
}
