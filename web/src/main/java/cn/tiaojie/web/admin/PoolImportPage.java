package cn.tiaojie.web.admin;

import cn.tiaojie.web.client.ApiProblem;
import cn.tiaojie.web.client.MediatorApi;
import cn.tiaojie.web.session.CurrentUser;
import cn.tiaojie.web.session.SignedInUser;
import cn.tiaojie.web.ui.ProblemTexts;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * 批量导入: the administrator uploads the pool's CSV, sees what each row would do (a dry run imports nothing), then
 * imports the good rows. The second step sends back the very text that was checked, carried in the page.
 */
@Path("/admin/mediators/import")
@Produces(MediaType.TEXT_HTML)
public class PoolImportPage {

    /** One refused row of the report, its reasons in Chinese. */
    @TemplateData
    public record RefusedRow(Object line, Object id, List<String> reasons) {
    }

    private final MediatorApi mediators;
    private final CurrentUser currentUser;
    private final Template page;

    PoolImportPage(@RestClient MediatorApi mediators, CurrentUser currentUser,
            @Location("admin/import") Template page) {
        this.mediators = mediators;
        this.currentUser = currentUser;
        this.page = page;
    }

    @GET
    public TemplateInstance show() {
        return render(currentUser.requireAnyOf(SignedInUser.ADMIN), null, null, null);
    }

    /** 检查: the uploaded file (or the text carried from a check) through the dry run, or imported. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Object check(@RestForm("file") FileUpload file, @RestForm String csvText, @RestForm String step) {
        SignedInUser user = currentUser.requireAnyOf(SignedInUser.ADMIN);
        String csv = file != null && file.size() > 0 ? read(file) : csvText;
        if (csv == null || csv.isBlank()) {
            return Response.status(400).entity(render(user, null, null, "请选择要导入的 CSV 文件。")).build();
        }
        boolean importing = "import".equals(step);
        try {
            Map<String, Object> report = mediators.importCsv(!importing, csv);
            return render(user, report, importing ? null : csv, null);
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && problem.status() != 413) {
                throw problem;
            }
            return Response.status(problem.status()).entity(render(user, null, null,
                    "文件无法读取：" + ProblemTexts.fileMessage(problem))).build();
        }
    }

    @SuppressWarnings("unchecked")
    private TemplateInstance render(SignedInUser user, Map<String, Object> report, String checkedCsv, String error) {
        List<RefusedRow> refused = report == null ? List.of()
                : ((List<Map<String, Object>>) report.get("rejected")).stream().map(row -> new RefusedRow(
                        row.get("line"), row.get("id"), ((List<Map<String, Object>>) row.get("errors")).stream()
                                .map(e -> ProblemTexts.importField(String.valueOf(e.get("field"))) + "："
                                        + ProblemTexts.fieldMessage(String.valueOf(e.get("message"))))
                                .toList())).toList();
        return page.data("user", user).data("report", report).data("refused", refused)
                .data("checkedCsv", checkedCsv).data("error", error);
    }

    private static String read(FileUpload file) {
        try {
            return Files.readString(file.uploadedFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
