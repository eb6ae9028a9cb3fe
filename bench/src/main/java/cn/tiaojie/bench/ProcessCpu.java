package cn.tiaojie.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time a process has used: what a request costs it, however loaded the machine is. */
public final class ProcessCpu {

    private ProcessCpu() {
    }

    /** User and system CPU time of a process so far, from /proc (Linux); -1 elsewhere. */
    public static long millis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10; // 100 ticks per second
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
