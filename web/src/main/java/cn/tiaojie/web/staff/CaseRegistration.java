package cn.tiaojie.web.staff;

import cn.tiaojie.web.client.ApiProblem;
import cn.tiaojie.web.client.CaseApi;
import cn.tiaojie.web.session.CurrentUser;
import cn.tiaojie.web.session.SignedInUser;
import cn.tiaojie.web.ui.ProblemTexts;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * 受理登记: one form for a dispute and its parties. The service validates; its field errors come back beside the
 * fields, a duplicate offers the existing case, and the form's idempotency key makes a double click register once.
 */
@Path("/cases/new")
@Produces(MediaType.TEXT_HTML)
public class CaseRegistration {

    private final CaseApi cases;
    private final CurrentUser currentUser;
    private final Template register;

    CaseRegistration(@RestClient CaseApi cases, CurrentUser currentUser, @Location("staff/register") Template register) {
        this.cases = cases;
        this.currentUser = currentUser;
        this.register = register;
    }

    @GET
    public TemplateInstance form() {
        return page(currentUser.requireAnyOf(SignedInUser.STAFF), RegistrationForm.blank(), null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object submit(MultivaluedMap<String, String> posted) {
        SignedInUser user = currentUser.requireAnyOf(SignedInUser.STAFF);
        RegistrationForm form = RegistrationForm.read(posted);
        String intent = posted.getFirst("intent");
        if ("add-party".equals(intent)) {
            form.addParty();
            return page(user, form, null, null);
        }
        if (intent != null && intent.startsWith("remove-party-")) {
            form.removeParty(parseIndex(intent.substring("remove-party-".length())));
            return page(user, form, null, null);
        }
        if ("register-linked".equals(intent)) {
            String duplicateOf = posted.getFirst("duplicateOf");
            form.values.put("linkedCaseId", duplicateOf == null ? "" : duplicateOf.strip());
        }
        try {
            Map<String, Object> registered = cases.register(form.value("idempotencyKey"), form.toRequest());
            return Response.seeOther(URI.create("/cases/" + registered.get("id") + "?registered=1")).build();
        } catch (ApiProblem problem) {
            if (problem.status() == 400) {
                form.showErrors(ProblemTexts.fieldErrors(problem));
                return Response.status(400).entity(page(user, form, ProblemTexts.summary(problem), null)).build();
            }
            if (problem.status() == 409 && problem.body().get("existingCase") instanceof Map<?, ?> existing) {
                return Response.status(409).entity(page(user, form, null, existing)).build();
            }
            throw problem;
        }
    }

    private TemplateInstance page(SignedInUser user, RegistrationForm form, String problem, Map<?, ?> duplicate) {
        return register.data("user", user).data("form", form).data("problem", problem).data("duplicate", duplicate);
    }

    private static int parseIndex(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
