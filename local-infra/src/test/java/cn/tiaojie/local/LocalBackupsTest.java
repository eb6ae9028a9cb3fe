package cn.tiaojie.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backup taken while the server writes restores into a fresh data directory with every committed row. */
class LocalBackupsTest {

    @TempDir
    Path temp;

    @Test
    void aBackupTakenWhileWritingRestoresEveryRowCommittedBeforeIt() throws Exception {
        Path data = temp.resolve("data");
        Path zip = temp.resolve("backup.zip");
        try (LocalPostgres postgres = LocalPostgres.start(data, 0)) {
            postgres.ensureDatabase("cases_db", "cases_svc", "local-only");
            try (Connection c = owner(postgres.port()); Statement s = c.createStatement()) {
                s.execute("create table dispute (id int primary key, summary text not null)");
                s.execute("insert into dispute select n, '邻里纠纷 ' || n from generate_series(1, 500) n");
                // a writer busy during the backup: its rows may or may not be in it, but never half of one
                Thread writer = Thread.ofPlatform().start(() -> insertRange(postgres.port(), 501, 2_000));
                postgres.backupTo(zip);
                writer.join();
                s.execute("insert into dispute values (9999, 'after the backup')");
            }
        }

        Path restored = temp.resolve("restored");
        LocalBackups.restore(zip, restored);
        try (LocalPostgres postgres = LocalPostgres.start(restored, 0);
                Connection c = owner(postgres.port()); Statement s = c.createStatement()) {
            assertEquals(500, count(s, "select count(*) from dispute where id <= 500"));
            assertEquals("邻里纠纷 42", text(s, "select summary from dispute where id = 42"));
            assertEquals(0, count(s, "select count(*) from dispute where id = 9999"));
            long during = count(s, "select count(*) from dispute where id between 501 and 2000");
            // the writer's rows come in order, one transaction each: whatever made it is a prefix
            assertEquals(during, count(s, "select coalesce(max(id), 500) - 500 from dispute where id <= 2000"));
        }
    }

    @Test
    void aRestoreRefusesADirectoryThatHoldsData() throws IOException {
        Path data = Files.createDirectories(temp.resolve("busy"));
        Files.writeString(data.resolve("PG_VERSION"), "18");
        Path zip = Files.createFile(temp.resolve("any.zip"));

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> LocalBackups.restore(zip, data));
        assertTrue(refused.getMessage().contains("not empty"), refused.getMessage());
    }

    @Test
    void aRestoreRefusesAnArchiveThatIsNotABackup() throws IOException {
        Path zip = temp.resolve("photos.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("photo.jpg"));
            out.write(new byte[] {1, 2, 3});
            out.closeEntry();
        }

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> LocalBackups.restore(zip, temp.resolve("new")));
        assertTrue(refused.getMessage().contains("not a backup"), refused.getMessage());
    }

    private static void insertRange(int port, int from, int to) {
        try (Connection c = owner(port); Statement s = c.createStatement()) {
            for (int id = from; id <= to; id++) {
                s.execute("insert into dispute values (" + id + ", 'during')");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection owner(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/cases_db",
                LocalPostgres.ownerOf("cases_svc"), LocalPostgres.ownerPasswordOf("local-only"));
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
