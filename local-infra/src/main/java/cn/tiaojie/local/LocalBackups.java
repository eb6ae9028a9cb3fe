package cn.tiaojie.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Backup and restore of the local server's data directory without pg_dump (the embedded binaries have none): an
 * online base backup by PostgreSQL's low-level API, the way pg_basebackup takes one. A temporary replication slot
 * keeps every WAL segment from the backup's start; the files are copied while the server runs; the WAL written
 * meanwhile is copied after the backup's end, with the backup label. A server started on the restored directory
 * replays that WAL and is consistent as of the backup's end.
 */
public final class LocalBackups {

    /** Directories whose contents PostgreSQL rebuilds at start: kept empty in a backup. */
    private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    /** Files of the running server that must not be restored. */
    private static final Set<String> SKIPPED = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
            "tablespace_map");
    private static final String SLOT = "tiaojie_local_backup";

    private LocalBackups() {
    }

    /** Backs up the server that {@code superuser} is connected to, whose data is in {@code dataDirectory}. */
    public static void backup(Connection superuser, Path dataDirectory, Path zip) throws SQLException {
        try (Statement s = superuser.createStatement();
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            s.execute("select pg_create_physical_replication_slot('" + SLOT + "', true, true)");
            s.execute("select pg_backup_start('tiaojie local backup', true)");
            copyTree(dataDirectory, dataDirectory, out);
            String label;
            try (ResultSet stop = s.executeQuery("select labelfile from pg_backup_stop(false)")) {
                stop.next();
                label = stop.getString(1);
            }
            // after the end: every segment from the start is still there, held by the slot
            try (DirectoryStream<Path> wal = Files.newDirectoryStream(dataDirectory.resolve("pg_wal"))) {
                for (Path segment : wal) {
                    if (Files.isRegularFile(segment)) {
                        copyFile(segment, "pg_wal/" + segment.getFileName(), out);
                    }
                }
            }
            out.putNextEntry(new ZipEntry("backup_label"));
            out.write(label.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            s.execute("select pg_drop_replication_slot('" + SLOT + "')");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + zip, e);
        }
    }

    /** Unpacks a backup into {@code dataDirectory}, which must not exist or be empty. */
    public static void restore(Path zip, Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            try (DirectoryStream<Path> existing = Files.newDirectoryStream(dataDirectory)) {
                if (existing.iterator().hasNext()) {
                    throw new IllegalStateException(dataDirectory + " is not empty: restore into a new directory");
                }
            }
            Path root = dataDirectory.toRealPath();
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    Path target = root.resolve(entry.getName()).normalize();
                    if (!target.startsWith(root)) {
                        throw new IllegalStateException(zip + " is not a backup: it names " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(in, target);
                    }
                }
            }
            if (!Files.exists(root.resolve("PG_VERSION")) || !Files.exists(root.resolve("backup_label"))) {
                throw new IllegalStateException(zip + " is not a backup of a PostgreSQL data directory");
            }
            // PostgreSQL refuses a data directory that others may read
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not restore " + zip + " into " + dataDirectory, e);
        }
    }

    private static void copyTree(Path root, Path dir, ZipOutputStream out) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path path : entries) {
                String name = root.relativize(path).toString().replace('\\', '/');
                if (Files.isDirectory(path)) {
                    out.putNextEntry(new ZipEntry(name + "/"));
                    out.closeEntry();
                    if (!EMPTIED.contains(name)) {
                        copyTree(root, path, out);
                    } else if (name.equals("pg_wal")) {
                        out.putNextEntry(new ZipEntry("pg_wal/archive_status/"));
                        out.closeEntry();
                    }
                } else if (!(dir.equals(root) && SKIPPED.contains(name)) && !name.contains("pgsql_tmp")) {
                    copyFile(path, name, out);
                }
            }
        }
    }

    private static void copyFile(Path file, String name, ZipOutputStream out) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            out.putNextEntry(new ZipEntry(name));
            in.transferTo(out);
            out.closeEntry();
        } catch (NoSuchFileException e) {
            // a file the server removed while it was copied (a dropped table's, a temporary one): the WAL says so
        }
    }
}
