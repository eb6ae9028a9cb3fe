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
import java.util.Map;

/**
 * Schemas for the kinds client-java has no model of (kustomize's, CloudNativePG's and its backup plugin's). They cover the fields this repository uses (and a few
 * neighbours an operator is likely to add); anything else is refused rather than passed unchecked.
 */
final class OwnSchemas {

    static final String KUSTOMIZATION = "kustomize.config.k8s.io/v1beta1 Kustomization";
    static final String CNPG_CLUSTER = "postgresql.cnpg.io/v1 Cluster";
    static final String CNPG_SCHEDULED_BACKUP = "postgresql.cnpg.io/v1 ScheduledBackup";
    static final String BARMAN_OBJECT_STORE = "barmancloud.cnpg.io/v1 ObjectStore";
    /** The Barman Cloud plugin's name, as a Cluster and a ScheduledBackup name it. */
    static final String BARMAN_PLUGIN = "barman-cloud.cloudnative-pg.io";

    private static final Schema SECRET_KEY = object().required("name", string()).required("key", string());

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
                    .optional("monitoring", object().optional("enablePodMonitor", bool()))
                    .optional("plugins", listOf(object()
                            .required("name", string())
                            .optional("enabled", bool())
                            .optional("isWALArchiver", bool())
                            .optional("parameters", mapOf(string())))));

    /** CloudNativePG's ScheduledBackup (cron with seconds first). */
    private static final Schema SCHEDULED_BACKUP_SCHEMA = object()
            .required("apiVersion", oneOf("postgresql.cnpg.io/v1"))
            .required("kind", oneOf("ScheduledBackup"))
            .required("metadata", model(V1ObjectMeta.class))
            .required("spec", object()
                    .required("schedule", string())
                    .optional("immediate", bool())
                    .optional("suspend", bool())
                    .optional("backupOwnerReference", oneOf("none", "self", "cluster"))
                    .required("cluster", object().required("name", string()))
                    .optional("target", oneOf("primary", "prefer-standby"))
                    .optional("method", oneOf("plugin", "barmanObjectStore", "volumeSnapshot"))
                    .optional("pluginConfiguration", object()
                            .required("name", string()).optional("parameters", mapOf(string()))));

    /** The Barman Cloud plugin's ObjectStore, for an S3-compatible store. */
    private static final Schema OBJECT_STORE_SCHEMA = object()
            .required("apiVersion", oneOf("barmancloud.cnpg.io/v1"))
            .required("kind", oneOf("ObjectStore"))
            .required("metadata", model(V1ObjectMeta.class))
            .required("spec", object()
                    .optional("retentionPolicy", string())
                    .required("configuration", object()
                            .required("destinationPath", string())
                            .optional("endpointURL", string())
                            .optional("endpointCA", SECRET_KEY)
                            .required("s3Credentials", object()
                                    .optional("accessKeyId", SECRET_KEY)
                                    .optional("secretAccessKey", SECRET_KEY)
                                    .optional("region", SECRET_KEY)
                                    .optional("inheritFromIAMRole", bool()))
                            .optional("wal", object()
                                    .optional("compression", oneOf("gzip", "bzip2", "snappy", "lz4", "xz", "zstd"))
                                    .optional("encryption", oneOf("AES256", "aws:kms"))
                                    .optional("maxParallel", integer(1)))
                            .optional("data", object()
                                    .optional("compression", oneOf("gzip", "bzip2", "snappy", "lz4", "xz", "zstd"))
                                    .optional("encryption", oneOf("AES256", "aws:kms"))
                                    .optional("jobs", integer(1)))));

    private OwnSchemas() {
    }

    private static final Map<String, Schema> BY_KIND = Map.of(
            KUSTOMIZATION, KUSTOMIZATION_SCHEMA,
            CNPG_CLUSTER, CLUSTER_SCHEMA,
            CNPG_SCHEDULED_BACKUP, SCHEDULED_BACKUP_SCHEMA,
            BARMAN_OBJECT_STORE, OBJECT_STORE_SCHEMA);

    static boolean covers(Manifest manifest) {
        return BY_KIND.containsKey(manifest.apiVersion() + " " + manifest.kind());
    }

    static List<String> validate(Manifest manifest) {
        List<String> problems = new ArrayList<>();
        String where = manifest.file() + "#" + manifest.document();
        BY_KIND.get(manifest.apiVersion() + " " + manifest.kind()).check(manifest.body(), where, problems);
        return problems;
    }

    static List<String> validateKustomization(Manifest manifest) {
        List<String> problems = new ArrayList<>();
        KUSTOMIZATION_SCHEMA.check(manifest.body(), manifest.file().toString(), problems);
        return problems;
    }
}
