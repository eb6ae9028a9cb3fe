package cn.tiaojie.cases.service.documents;

import cn.tiaojie.cases.model.DocumentKind;
import java.util.UUID;

/** What the document endpoints hand the service. */
public final class DocumentCommands {

    private DocumentCommands() {
    }

    /** A document to add: its kind, the file name it came with, and the party it concerns (optional). */
    public record NewDocument(DocumentKind kind, String fileName, UUID partyId) {
    }
}
