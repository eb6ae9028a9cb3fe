package cn.tiaojie.cases.service.documents;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * Where a case document's bytes are kept, streamed both ways (never whole in memory). Called inside the document's
 * transaction: a store in the case database ({@link PostgresDocumentStore}) rolls back with it; one outside
 * ({@link S3DocumentStore}) has what it wrote discarded when the transaction does not commit.
 */
public interface DocumentStore {

    /** The name a document records (case_document.store). */
    String name();

    /** Reads the stream to its end into a new object; returns its key. */
    String put(InputStream bytes);

    /** Writes the object's bytes to the stream. */
    void copyTo(String key, OutputStream out);

    /** Removes an object written by {@link #put} whose document was not recorded; a store in the database has none. */
    void discard(String key);
}
