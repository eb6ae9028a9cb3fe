package cn.tiaojie.deploy;

import static cn.tiaojie.deploy.Schema.bool;
import static cn.tiaojie.deploy.Schema.integer;
import static cn.tiaojie.deploy.Schema.listOf;
import static cn.tiaojie.deploy.Schema.mapOf;
import static cn.tiaojie.deploy.Schema.model;
import static cn.tiaojie.deploy.Schema.object;
import static cn.tiaojie.deploy.Schema.oneOf;
import static cn.tiaojie.deploy.Schema.quantity;
import static cn.tiaojie.deploy.Schema.string;

import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import java.util.ArrayList;
import java.util.List;

/**
 * Schemas for the two kinds client-java has no model of. They cover the fields this repository uses (and a few
 * neighbours an operator is likely to add); anything else is refused rather than passed unchecked.
 */
final class OwnSchemas {

    static final String KUSTOMIZATION = "kustomize.config.k8s.io/v1beta1 Kustomization";
    static final String CNPG_CLUSTER = "postgresql.cnpg.io/v1 Cluster";

    /** The subset of kustomize the renderer ({@link Kustomize}) implements; other fields would be ignored there. */
    private static final Schema KUSTOMIZATION_SCHEMA = object()
            .required("apiVersion", oneOf("kustomize.config.k8s.io/v1beta1"))
            .required("kind", oneOf("Kustomization"))
            .optional("namespace", string())
            .required("resources", listOf(string()))
            .optional("patches", listOf(object().required("path", string())))
            .optional("images", listOf(object()
                    .required("name", string()).optional("newName", string()).optional("newTag", string())));

    /** A subset of CloudNativePG 1.2x's Cluster CRD (spec fields as its API reference names them). */
    private static final Schema CLUSTER_SCHEMA = object()
            .required("apiVersion", oneOf("postgresql.cnpg.io/v1"))
            .required("kind", oneOf("Cluster"))
            .required("metadata", model(V1ObjectMeta.class))
            .required("spec", object()
                    .required("instances", integer(1))
                    .optional("imageName", string())
                    .optional("primaryUpdateStrategy", oneOf("unsupervised", "supervised"))
                    .optional("postgresql", object().optional("parameters", mapOf(string())))
                    .required("bootstrap", object().required("initdb", object()
                            .required("database", string())
                            .required("owner", string())
                            .required("secret", object().required("name", string()))))
                    .optional("managed", object().optional("roles", listOf(object()
                            .required("name", string())
                            .optional("ensure", oneOf("present", "absent"))
                            .optional("comment", string())
                            .optional("login", bool())
                            .optional("superuser", bool())
                            .optional("createdb", bool())
                            .optional("createrole", bool())
                            .optional("inherit", bool())
                            .optional("replication", bool())
                            .optional("bypassrls", bool())
                            .optional("connectionLimit", integer(-1))
                            .optional("inRoles", listOf(string()))
                            .optional("passwordSecret", object().required("name", string())))))
                    .required("storage", object().required("size", quantity()).optional("storageClass", string()))
                    .optional("walStorage", object().required("size", quantity()).optional("storageClass", string()))
                    .optional("resources", model(V1ResourceRequirements.class))
                    .optional("affinity", object()
                            .optional("enablePodAntiAffinity", bool())
                            .optional("topologyKey", string())
                            .optional("podAntiAffinityType", oneOf("preferred", "required")))
                    .optional("monitoring", object().optional("enablePodMonitor", bool())));

    private OwnSchemas() {
    }

    static boolean covers(Manifest manifest) {
        String gvk = manifest.apiVersion() + " " + manifest.kind();
        return KUSTOMIZATION.equals(gvk) || CNPG_CLUSTER.equals(gvk);
    }

    static List<String> validate(Manifest manifest) {
        String gvk = manifest.apiVersion() + " " + manifest.kind();
        List<String> problems = new ArrayList<>();
        String where = manifest.file() + "#" + manifest.document();
        (KUSTOMIZATION.equals(gvk) ? KUSTOMIZATION_SCHEMA : CLUSTER_SCHEMA).check(manifest.body(), where, problems);
        return problems;
    }

    static List<String> validateKustomization(Manifest manifest) {
        List<String> problems = new ArrayList<>();
        KUSTOMIZATION_SCHEMA.check(manifest.body(), manifest.file().toString(), problems);
        return problems;
    }
}
