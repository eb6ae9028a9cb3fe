package cn.tiaojie.deploy;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every database can be restored to a point in time: its cluster archives WAL through the Barman Cloud plugin into
 * an object store of its own that keeps a limited history, a scheduled base backup runs through the same plugin,
 * and the store's keys are templated.
 */
final class BackupRules {

    private BackupRules() {
    }

    static void check(List<Manifest> objects, List<Manifest> secretTemplates, List<String> problems) {
        Map<String, Manifest> stores = objects.stream().filter(m -> m.is("ObjectStore"))
                .collect(Collectors.toMap(Manifest::name, m -> m));
        Map<String, Long> clustersPerStore = objects.stream().filter(m -> m.is("Cluster"))
                .map(BackupRules::walArchiver).flatMap(Optional::stream)
                .map(plugin -> Json.string(Json.object(plugin, "parameters"), "barmanObjectName"))
                .filter(name -> name != null)
                .collect(Collectors.groupingBy(name -> name, Collectors.counting()));
        for (Manifest cluster : objects.stream().filter(m -> m.is("Cluster")).toList()) {
            Optional<JsonObject> archiver = walArchiver(cluster);
            if (archiver.isEmpty()) {
                problems.add(cluster.where() + ": archives no WAL (no " + OwnSchemas.BARMAN_PLUGIN
                        + " plugin with isWALArchiver: true): it could not be restored to a point in time");
                continue;
            }
            String storeName = Json.string(Json.object(archiver.get(), "parameters"), "barmanObjectName");
            Manifest store = storeName == null ? null : stores.get(storeName);
            if (store == null) {
                problems.add(cluster.where() + ": archives WAL into ObjectStore " + storeName + ", which does not exist");
                continue;
            }
            if (clustersPerStore.getOrDefault(storeName, 0L) > 1) {
                problems.add(cluster.where() + ": shares ObjectStore " + storeName + " with another cluster");
            }
            boolean scheduled = objects.stream().filter(m -> m.is("ScheduledBackup"))
                    .filter(b -> cluster.name().equals(Json.string(Json.path(b.body(), "spec", "cluster"), "name")))
                    .anyMatch(b -> "plugin".equals(Json.string(Json.object(b.body(), "spec"), "method"))
                            && OwnSchemas.BARMAN_PLUGIN.equals(
                                    Json.string(Json.path(b.body(), "spec", "pluginConfiguration"), "name")));
            if (!scheduled) {
                problems.add(cluster.where() + ": no ScheduledBackup takes its base backups through "
                        + OwnSchemas.BARMAN_PLUGIN);
            }
        }
        for (Manifest store : stores.values()) {
            JsonObject spec = Json.object(store.body(), "spec");
            if (Json.string(spec, "retentionPolicy") == null) {
                problems.add(store.where() + ": no retentionPolicy: backups and WAL would be kept forever");
            }
            JsonObject credentials = Json.path(spec, "configuration", "s3Credentials");
            for (String key : List.of("accessKeyId", "secretAccessKey")) {
                if (credentials.has(key)) {
                    JsonObject ref = Json.object(credentials, key);
                    WorkloadRules.require(store, "Secret", Json.string(ref, "name"), Json.string(ref, "key"),
                            secretTemplates, problems);
                }
            }
        }
    }

    private static Optional<JsonObject> walArchiver(Manifest cluster) {
        return Json.objects(Json.object(cluster.body(), "spec"), "plugins").stream()
                .filter(p -> OwnSchemas.BARMAN_PLUGIN.equals(Json.string(p, "name")) && Json.isTrue(p, "isWALArchiver"))
                .findFirst();
    }
}
