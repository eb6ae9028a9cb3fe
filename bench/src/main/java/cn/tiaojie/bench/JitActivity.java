package cn.tiaojie.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * How many methods a service's JIT has compiled so far, read with the JDK's jstat from the JVM's performance counters
 * (the service runs as the same user on the same JDK). A JVM still compiling spends a core on it and runs code that
 * is not yet optimised: a measurement taken then says how fast a JVM warms up, not how fast the service is.
 */
public final class JitActivity {

    private final Path jstat = Path.of(System.getProperty("java.home"), "bin", "jstat");
    private final long pid;

    public JitActivity(long pid) {
        this.pid = pid;
    }

    /** Methods compiled since the JVM started; -1 when jstat is missing or cannot read the JVM. */
    public long compiled() {
        if (!Files.isExecutable(jstat)) {
            return -1;
        }
        try {
            Process process = new ProcessBuilder(jstat.toString(), "-compiler", Long.toString(pid))
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return -1;
            }
            // "Compiled Failed Invalid Time FailedType FailedMethod", then one line of figures
            String[] lines = output.strip().split("\\R");
            return Long.parseLong(lines[lines.length - 1].strip().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
