package cn.tiaojie.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.local.LocalPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./tiaojie backup, then restore: the local data comes back as it was, and the data it replaced is kept. */
class BackupCommandsTest {

    @TempDir
    Path root;

    @Test
    void aRestoredBackupHasTheCasesOfItsMomentAndKeepsTheDataItReplaced() throws Exception {
        Path state = root.resolve(".tiaojie");
        // port 0: the suite's own port may be taken by a suite running on this machine
        Suite.Options options = new Suite.Options(root, state, state.resolve("pgdata"), 0, Map.of());
        try (LocalPostgres postgres = LocalPostgres.start(options.dataDirectory(), 0)) {
            postgres.ensureDatabase("case_db", "case_svc", "local-only");
            run(postgres.port(), "create table dispute_case (case_no text primary key)",
                    "insert into dispute_case values ('TJ2026000001'), ('TJ2026000002')");
        }
        Path zip = root.resolve("before.zip");
        assertEquals(0, Tiaojie.backup(options, List.of(zip.toString())));
        try (LocalPostgres postgres = LocalPostgres.start(options.dataDirectory(), 0)) {
            run(postgres.port(), "insert into dispute_case values ('TJ2026000003')");
        }

        assertEquals(0, Tiaojie.restore(options, List.of(zip.toString())));

        try (LocalPostgres postgres = LocalPostgres.start(options.dataDirectory(), 0)) {
            assertEquals(List.of("TJ2026000001", "TJ2026000002"), caseNumbers(postgres.port()));
        }
        try (Stream<Path> siblings = Files.list(state)) {
            Path kept = siblings.filter(p -> p.getFileName().toString().startsWith("pgdata.before-restore-"))
                    .findFirst().orElseThrow();
            try (LocalPostgres postgres = LocalPostgres.start(kept, 0)) {
                assertEquals(3, caseNumbers(postgres.port()).size());
            }
        }
    }

    @Test
    void aRestoreOfAFileThatDoesNotExistChangesNothing() throws Exception {
        Path state = root.resolve(".tiaojie");
        Suite.Options options = new Suite.Options(root, state, state.resolve("pgdata"), 0, Map.of());
        assertEquals(1, Tiaojie.restore(options, List.of(root.resolve("missing.zip").toString())));
        assertTrue(Files.notExists(options.dataDirectory()));
    }

    private static void run(int port, String... statements) throws SQLException {
        try (Connection c = connect(port); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static List<String> caseNumbers(int port) throws SQLException {
        try (Connection c = connect(port); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select case_no from dispute_case order by case_no")) {
            List<String> numbers = new java.util.ArrayList<>();
            while (rs.next()) {
                numbers.add(rs.getString(1));
            }
            return numbers;
        }
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/case_db",
                LocalPostgres.ownerOf("case_svc"), LocalPostgres.ownerPasswordOf("local-only"));
    }
}
