package cn.tiaojie.cases.rest;

import cn.tiaojie.platform.reference.Taxonomy;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

@Path("/api/taxonomy")
@Authenticated
public class TaxonomyResource {

    private final Taxonomy taxonomy;

    TaxonomyResource(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    @GET
    public Taxonomy.Document get() {
        return taxonomy.document();
    }
}
