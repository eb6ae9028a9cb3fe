package cn.tiaojie.cases.service.documents;

import cn.tiaojie.platform.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.apache.tika.Tika;

/**
 * What a document is, from its first bytes (Tika's magic numbers), never from the name or type its uploader gave:
 * PDF, JPEG, PNG, HEIC/HEIF and Office documents (OOXML, the older OLE formats, OpenDocument) are accepted, anything
 * else refused. Within a container family the bytes prove (OOXML or OLE), the file name's extension picks the
 * member (Word, Excel, PowerPoint), so a download opens in the right program.
 */
final class ContentTypes {

    static final String OOXML = "application/x-tika-ooxml";
    static final String OLE = "application/x-tika-msoffice";

    private static final Map<String, String> ACCEPTED = Map.ofEntries(
            Map.entry("application/pdf", "application/pdf"),
            Map.entry("image/jpeg", "image/jpeg"),
            Map.entry("image/png", "image/png"),
            Map.entry("image/heic", "image/heic"),
            Map.entry("image/heic-sequence", "image/heic"),
            Map.entry("image/heif", "image/heif"),
            Map.entry("image/heif-sequence", "image/heif"),
            Map.entry("application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text"),
            Map.entry("application/vnd.oasis.opendocument.spreadsheet", "application/vnd.oasis.opendocument.spreadsheet"),
            Map.entry("application/vnd.oasis.opendocument.presentation", "application/vnd.oasis.opendocument.presentation"));
    private static final Map<String, String> OOXML_BY_EXTENSION = Map.of(
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation");
    private static final Map<String, String> OLE_BY_EXTENSION = Map.of(
            "doc", "application/msword",
            "wps", "application/msword",
            "xls", "application/vnd.ms-excel",
            "et", "application/vnd.ms-excel",
            "ppt", "application/vnd.ms-powerpoint");

    private static final Tika TIKA = new Tika();

    private ContentTypes() {
    }

    /**
     * The accepted type of the bytes at the stream's start (it must support mark: they are read and given back);
     * 415 problem+json for anything else.
     */
    static String detect(InputStream in, String fileName) {
        String detected;
        try {
            detected = TIKA.detect(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String extension = extension(fileName);
        String type = switch (detected) {
            case OOXML -> OOXML_BY_EXTENSION.getOrDefault(extension, OOXML_BY_EXTENSION.get("docx"));
            case OLE -> OLE_BY_EXTENSION.getOrDefault(extension, OLE_BY_EXTENSION.get("doc"));
            default -> ACCEPTED.get(detected);
        };
        if (type == null) {
            throw new ProblemException(415, "不支持的文件类型",
                    "文件内容不是可接受的格式（检测为 " + detected + "）。请上传 PDF、JPEG、PNG、HEIC/HEIF 图片或 Office 文档。");
        }
        return type;
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
