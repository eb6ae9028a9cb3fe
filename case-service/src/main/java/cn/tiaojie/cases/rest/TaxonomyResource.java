package cn.tiaojie.cases.rest;

import cn.tiaojie.platform.reference.Taxonomy;
import cn.tiaojie.platform.security.Claims;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The dispute taxonomy: categories, subcategories with level, SLA hours, department and roles; departments. */
@Path("/api/taxonomy")
public class TaxonomyResource {

    private final Taxonomy taxonomy;

    TaxonomyResource(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    @GET
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.MEDIATOR, Claims.RESIDENT, Claims.ADMIN, Claims.SERVICE})
    public Taxonomy.Document get() {
        return taxonomy.document();
    }
}
