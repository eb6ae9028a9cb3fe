package cn.tiaojie.cases.rest;

import cn.tiaojie.cases.model.CaseDocument;
import cn.tiaojie.cases.model.DocumentKind;
import cn.tiaojie.cases.service.documents.Agreements;
import cn.tiaojie.cases.service.documents.CaseDocuments;
import cn.tiaojie.cases.service.documents.CaseFiles;
import cn.tiaojie.cases.service.documents.DocumentCommands;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.rest.QueryParams;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** A case's documents: evidence, ID copies, the agreement, minutes, notices, proofs of service. */
@Path("/api/cases/{id}/documents")
public class DocumentsResource {

    public record DocumentView(UUID id, String kind, String fileName, String contentType, long size, String sha256,
            UUID partyId, String uploadedBy, String uploadedRole, Instant uploadedAt, Instant deletedAt,
            String deletedBy, String deletionReason, LocalDate retainUntil) {

        static DocumentView of(CaseDocument d) {
            return new DocumentView(d.id, d.kind.name(), d.fileName, d.contentType, d.sizeBytes, d.sha256, d.partyId,
                    d.uploadedBy, d.uploadedRole, d.uploadedAt, d.deletedAt, d.deletedBy, d.deletionReason,
                    d.retainUntil);
        }
    }

    private final CaseDocuments documents;
    private final Agreements agreements;
    private final CaseFiles caseFiles;
    private final Caller caller;

    DocumentsResource(CaseDocuments documents, Agreements agreements, CaseFiles caseFiles, Caller caller) {
        this.documents = documents;
        this.agreements = agreements;
        this.caseFiles = caseFiles;
        this.caller = caller;
    }

    /**
     * The request body is the file itself, streamed as it arrives (whatever Content-Type the client sends: the
     * type is detected from the bytes); the kind, the file name and the party it concerns are query parameters.
     */
    @POST
    @RolesAllowed(Claims.STAFF)
    @Consumes(MediaType.WILDCARD)
    public Response upload(@PathParam("id") String id, @QueryParam("kind") String kind,
            @QueryParam("fileName") String fileName, @QueryParam("partyId") String partyId, InputStream body) {
        DocumentCommands.NewDocument document = new DocumentCommands.NewDocument(kind(kind), fileName(fileName),
                QueryParams.uuid("partyId", partyId));
        CaseDocument d = documents.upload(caller, uuid("id", id), document, body);
        return Response.status(201).entity(DocumentView.of(d)).build();
    }

    /** 调解协议书 from the recorded outcome of a resolved case, as a PDF kept as a document of kind AGREEMENT. */
    @POST
    @Path("/agreement")
    @RolesAllowed(Claims.STAFF)
    public Response agreement(@PathParam("id") String id) {
        return Response.status(201).entity(DocumentView.of(agreements.generate(caller, uuid("id", id)))).build();
    }

    @GET
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.MEDIATOR, Claims.RESIDENT, Claims.ADMIN})
    public List<DocumentView> list(@PathParam("id") String id) {
        return documents.list(caller, uuid("id", id)).stream().map(DocumentView::of).toList();
    }

    /** The bytes as stored, with their detected type, their SHA-256 (ETag and Repr-Digest) and the file name. */
    @GET
    @Path("/{documentId}/content")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.MEDIATOR, Claims.RESIDENT, Claims.ADMIN})
    public Response download(@PathParam("id") String id, @PathParam("documentId") String documentId) {
        CaseDocument d = documents.open(caller, uuid("id", id), uuid("documentId", documentId));
        StreamingOutput bytes = out -> documents.copyTo(d, out);
        return Response.ok(bytes, d.contentType)
                .header("Content-Length", d.sizeBytes)
                .header("Content-Disposition", attachment(d.fileName))
                .header("ETag", "\"" + d.sha256 + "\"")
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(d.sha256)) + ":")
                .build();
    }

    /** 卷宗 of a closed case: one ZIP with the table of contents and timeline, the documents and their digests. */
    @GET
    @Path("/case-file")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN})
    @Produces("application/zip")
    public Response caseFile(@PathParam("id") String id) {
        UUID caseId = uuid("id", id);
        String name = caseFiles.name(caller, caseId);
        StreamingOutput zip = out -> caseFiles.write(caseId, out);
        return Response.ok(zip, "application/zip").header("Content-Disposition", attachment(name)).build();
    }

    /** Staff delete a document with a reason: it leaves the list for the parties and mediators; its bytes are kept. */
    @POST
    @Path("/{documentId}/delete")
    @RolesAllowed(Claims.STAFF)
    @Consumes(MediaType.APPLICATION_JSON)
    public DocumentView delete(@PathParam("id") String id, @PathParam("documentId") String documentId,
            @NotNull @Valid ActionRequests.Reason request) {
        return DocumentView.of(documents.delete(caller, uuid("id", id), uuid("documentId", documentId),
                request.reason()));
    }

    private static String attachment(String fileName) {
        return "attachment; filename*=UTF-8''" + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static DocumentKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            throw ProblemException.badRequest("kind", "请说明材料类别");
        }
        try {
            return DocumentKind.valueOf(kind.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("kind", "材料类别须为 EVIDENCE、ID_COPY、AGREEMENT、MINUTES、NOTICE、"
                    + "PROOF_OF_SERVICE 或 OTHER");
        }
    }

    /** The name the file came with, without any folder; no control characters. */
    private static String fileName(String fileName) {
        String name = fileName == null ? "" : fileName.substring(Math.max(fileName.lastIndexOf('/'),
                fileName.lastIndexOf('\\')) + 1).strip();
        if (name.isEmpty() || name.length() > 255 || name.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
            throw ProblemException.badRequest("fileName", "须为 1 至 255 个字符的文件名");
        }
        return name;
    }

    private static UUID uuid(String name, String value) {
        return CaseResource.uuid(name, value);
    }
}
