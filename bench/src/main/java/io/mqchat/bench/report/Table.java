package io.mqchat.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One results table: printed as Markdown (readable in a terminal, pasted as is into docs/BENCHMARKS.md) and
 * kept in the JSON report.
 *
 * @param title   what the table shows
 * @param columns column headings
 * @param rows    cells, one list per row
 * @param notes   what limits or qualifies the numbers, printed under the table
 */
public record Table(String title, List<String> columns, List<List<String>> rows, List<String> notes) {

    public Table {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        notes = List.copyOf(notes);
    }

    /** Builds a table row by row. */
    public static Builder builder(String title, String... columns) {
        return new Builder(title, List.of(columns));
    }

    public String toMarkdown() {
        StringBuilder out = new StringBuilder();
        out.append("### ").append(title).append("\n\n");
        out.append("| ").append(String.join(" | ", columns)).append(" |\n");
        out.append("|").append("---|".repeat(columns.size())).append("\n");
        for (List<String> row : rows) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        for (String note : notes) {
            out.append("\n").append(note).append("\n");
        }
        return out.toString();
    }

    /** Collects rows and notes. */
    public static final class Builder {

        private final String title;
        private final List<String> columns;
        private final List<List<String>> rows = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        private Builder(String title, List<String> columns) {
            this.title = title;
            this.columns = columns;
        }

        public Builder row(Object... cells) {
            if (cells.length != columns.size()) {
                throw new IllegalArgumentException("row of " + cells.length + " cells for " + columns.size() + " columns");
            }
            rows.add(java.util.Arrays.stream(cells).map(String::valueOf).toList());
            return this;
        }

        public Builder note(String note) {
            notes.add(note);
            return this;
        }

        public Table build() {
            return new Table(title, columns, rows, notes);
        }
    }
}
