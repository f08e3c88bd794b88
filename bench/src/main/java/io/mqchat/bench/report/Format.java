package io.mqchat.bench.report;

import java.util.Locale;

/** Number formats of the report: fixed, locale-independent, short. */
public final class Format {

    private static final double MIB = 1024.0 * 1024.0;

    private Format() {
    }

    public static String millis(double ms) {
        if (!Double.isFinite(ms)) {
            return "-";
        }
        return ms < 10 ? String.format(Locale.ROOT, "%.2f", ms) : String.format(Locale.ROOT, "%.1f", ms);
    }

    public static String rate(double perSecond) {
        return Double.isFinite(perSecond) ? String.format(Locale.ROOT, "%,.0f", perSecond) : "-";
    }

    public static String ratio(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f", value) : "-";
    }

    public static String percent(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.0f%%", value) : "-";
    }

    public static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / MIB);
    }

    public static String kib(double bytes) {
        return Double.isFinite(bytes) ? String.format(Locale.ROOT, "%.2f", bytes / 1024.0) : "-";
    }

    public static String decimal(double value, int places) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + places + "f", value) : "-";
    }

    /** "median [min–max]" of a spread. */
    public static String spread(io.mqchat.bench.stats.Spread s, java.util.function.DoubleFunction<String> f) {
        if (s.rounds().size() <= 1) {
            return f.apply(s.median());
        }
        return f.apply(s.median()) + " [" + f.apply(s.min()) + "–" + f.apply(s.max()) + "]";
    }
}
