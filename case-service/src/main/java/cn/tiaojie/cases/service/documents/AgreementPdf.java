package cn.tiaojie.cases.service.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * An A4 document of Chinese text in the font the build ships (resources/fonts), embedded as the subset it uses, so
 * it reads alike on every reader and phone: a centred title, then paragraphs wrapped to the page.
 */
final class AgreementPdf {

    private static final String CJK_FONT = "/fonts/DroidSansFallbackFull.ttf";
    private static final String LATIN_FONT = "/fonts/DejaVuSans.ttf";
    private static final float MARGIN = 64;
    private static final float WIDTH = PDRectangle.A4.getWidth();
    private static final float HEIGHT = PDRectangle.A4.getHeight();
    private static final float SIZE = 12;
    private static final float TITLE = 20;

    private final String title;
    private final List<String> paragraphs = new ArrayList<>();

    AgreementPdf(String title) {
        this.title = title;
    }

    AgreementPdf paragraph(String text) {
        paragraphs.add(text);
        return this;
    }

    byte[] toBytes() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Fonts font = new Fonts(document);
            document.getDocumentInformation().setTitle(title);
            document.getDocumentInformation().setProducer("Tiaojie case-service");
            List<String> lines = new ArrayList<>();
            for (String p : paragraphs) {
                for (String line : p.split("\\R", -1)) {
                    lines.addAll(wrap(font, line));
                }
                lines.add("");
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDPageContentStream text = new PDPageContentStream(document, page);
            float y = HEIGHT - MARGIN - TITLE;
            font.show(text, title, (WIDTH - font.width(title) / 1000 * TITLE) / 2, y, TITLE);
            y -= TITLE * 1.8f;
            for (String line : lines) {
                if (y < MARGIN) {
                    text.close();
                    page = new PDPage(PDRectangle.A4);
                    document.addPage(page);
                    text = new PDPageContentStream(document, page);
                    y = HEIGHT - MARGIN;
                }
                font.show(text, line, MARGIN, y, SIZE);
                y -= SIZE * (line.isEmpty() ? 0.9f : 1.8f);
            }
            text.close();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the agreement could not be written as PDF", e);
        }
    }

    /** The line cut where it would pass the right margin (Chinese breaks between any two characters). */
    private static List<String> wrap(Fonts font, String line) throws IOException {
        List<String> lines = new ArrayList<>();
        float max = (WIDTH - 2 * MARGIN) * 1000 / SIZE;
        StringBuilder current = new StringBuilder();
        float width = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            float w = font.width(ch);
            if (width + w > max && !current.isEmpty()) {
                lines.add(current.toString());
                current.setLength(0);
                width = 0;
            }
            current.append(ch);
            width += w;
            i += Character.charCount(cp);
        }
        lines.add(current.toString());
        return lines;
    }

    /** The Chinese font, and the Latin one for the letters, digits and signs it has no glyph for. */
    private static final class Fonts {

        private final TrueTypeFont cjkGlyphs;
        private final PDType0Font cjk;
        private final PDType0Font latin;

        Fonts(PDDocument document) throws IOException {
            cjkGlyphs = parse(CJK_FONT);
            cjk = PDType0Font.load(document, cjkGlyphs, true);
            latin = PDType0Font.load(document, parse(LATIN_FONT), true);
        }

        private static TrueTypeFont parse(String resource) throws IOException {
            try (InputStream in = AgreementPdf.class.getResourceAsStream(resource)) {
                return new TTFParser().parse(new RandomAccessReadBuffer(in));
            }
        }

        PDType0Font of(int codePoint) throws IOException {
            return cjkGlyphs.getUnicodeCmapLookup().getGlyphId(codePoint) > 0 ? cjk : latin;
        }

        float width(String text) throws IOException {
            float width = 0;
            for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
                int cp = text.codePointAt(i);
                width += of(cp).getStringWidth(new String(Character.toChars(cp)));
            }
            return width;
        }

        /** The text at (x, y), each run of characters in the font that has them. */
        void show(PDPageContentStream out, String text, float x, float y, float size) throws IOException {
            if (text.isEmpty()) {
                return;
            }
            out.beginText();
            out.newLineAtOffset(x, y);
            int i = 0;
            while (i < text.length()) {
                PDType0Font font = of(text.codePointAt(i));
                int end = i;
                while (end < text.length() && of(text.codePointAt(end)) == font) {
                    end += Character.charCount(text.codePointAt(end));
                }
                out.setFont(font, size);
                out.showText(text.substring(i, end));
                i = end;
            }
            out.endText();
        }
    }
}
