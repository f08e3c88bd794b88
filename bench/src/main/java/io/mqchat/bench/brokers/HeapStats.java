package io.mqchat.bench.brokers;

/**
 * A JVM broker's memory after full collections.
 *
 * @param heapUsed      live heap
 * @param heapCommitted heap the JVM holds from the OS
 * @param nettyDirect   direct memory Netty allocated itself (not counted by the JDK's buffer pools)
 * @param nioDirect     direct ByteBuffers the JDK knows about
 */
public record HeapStats(long heapUsed, long heapCommitted, long nettyDirect, long nioDirect) {

    static HeapStats parse(String line) {
        long used = 0;
        long committed = 0;
        long netty = 0;
        long nio = 0;
        for (String part : line.split(" ")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2) {
                long v = Long.parseLong(kv[1]);
                switch (kv[0]) {
                    case "heapUsed" -> used = v;
                    case "heapCommitted" -> committed = v;
                    case "nettyDirect" -> netty = v;
                    case "nioDirect" -> nio = v;
                    default -> { }
                }
            }
        }
        return new HeapStats(used, committed, netty, nio);
    }
}
