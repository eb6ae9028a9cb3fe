package cn.tiaojie.cases.service.documents;

import cn.tiaojie.platform.problem.ProblemException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Passes bytes through while counting them and computing their SHA-256; past the limit it throws the refusal it
 * was given. */
final class LimitedDigestStream extends FilterInputStream {

    private final long limit;
    private final java.util.function.Supplier<ProblemException> refusal;
    private final MessageDigest digest;
    private long count;

    LimitedDigestStream(InputStream in, long limit, java.util.function.Supplier<ProblemException> refusal) {
        super(in);
        this.limit = limit;
        this.refusal = refusal;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            count += n;
            if (count > limit) {
                throw refusal.get();
            }
            digest.update(b, off, n);
        }
        return n;
    }

    @Override
    public long skip(long n) {
        throw new UnsupportedOperationException("every byte is counted and digested");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    long count() {
        return count;
    }

    String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
