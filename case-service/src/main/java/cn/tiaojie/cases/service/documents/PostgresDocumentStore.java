package cn.tiaojie.cases.service.documents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.largeobject.LargeObject;
import org.postgresql.largeobject.LargeObjectManager;

/**
 * Documents as PostgreSQL large objects in the case database, written and read in 64 KiB chunks on the
 * transaction's own connection: an upload that fails or is refused takes its large object with it.
 */
@ApplicationScoped
public class PostgresDocumentStore implements DocumentStore {

    public static final String NAME = "POSTGRES";
    private static final int CHUNK = 64 * 1024;

    private final DataSource dataSource;

    PostgresDocumentStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public String put(InputStream bytes) {
        try (Connection db = dataSource.getConnection()) {
            LargeObjectManager objects = db.unwrap(PGConnection.class).getLargeObjectAPI();
            long oid = objects.createLO(LargeObjectManager.READWRITE);
            try (LargeObject object = objects.open(oid, LargeObjectManager.WRITE);
                    OutputStream out = object.getOutputStream()) {
                bytes.transferTo(out);
            }
            return Long.toString(oid);
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the document", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void copyTo(String key, OutputStream out) {
        try (Connection db = dataSource.getConnection()) {
            LargeObjectManager objects = db.unwrap(PGConnection.class).getLargeObjectAPI();
            try (LargeObject object = objects.open(Long.parseLong(key), LargeObjectManager.READ)) {
                byte[] chunk = new byte[CHUNK];
                for (int n; (n = object.read(chunk, 0, CHUNK)) > 0; ) {
                    out.write(chunk, 0, n);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the document", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void discard(String key) {
        // the large object was created in the transaction that rolled back
    }
}
