package dev.switchboard.agent.tools;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 §2 describes it: comma-separated fields, records ending in CRLF (LF and a lone CR are
 * accepted too), fields in double quotes may hold commas, line breaks and doubled quotes ({@code ""}). A quote
 * inside an unquoted field, text after a closing quote, and a quote left open are errors naming the line.
 * Empty lines are skipped, so a trailing blank line does no harm.
 */
final class CsvParser {

    /** One record and the line it starts on (1-based), for error messages. */
    record Row(int line, List<String> fields) {}

    private final String text;
    private int position;
    private int line = 1;

    private CsvParser(String text) {
        this.text = text;
    }

    /**
     * @param maxRows records allowed after the first, the header (RFC 4180 §2.3); parsing stops with an error at
     *                the next one, so a huge file of tiny records cannot exhaust memory
     * @throws IllegalArgumentException for malformed quoting, with the line number, or too many rows
     */
    static List<Row> parse(String text, int maxRows) {
        CsvParser parser = new CsvParser(text);
        List<Row> rows = new ArrayList<>();
        while (parser.position < text.length()) {
            if (parser.atLineBreak()) {
                parser.skipLineBreak();
                continue;
            }
            int start = parser.line;
            if (rows.size() > maxRows) {
                throw new IllegalArgumentException("line " + start + ": more than " + maxRows + " rows");
            }
            rows.add(new Row(start, parser.record()));
        }
        return rows;
    }

    private List<String> record() {
        List<String> fields = new ArrayList<>();
        while (true) {
            fields.add(position < text.length() && text.charAt(position) == '"' ? quoted() : unquoted());
            if (position >= text.length()) {
                return fields;
            }
            if (atLineBreak()) {
                skipLineBreak();
                return fields;
            }
            position++; // the comma
        }
    }

    private String unquoted() {
        int start = position;
        while (position < text.length() && text.charAt(position) != ',' && !atLineBreak()) {
            if (text.charAt(position) == '"') {
                throw new IllegalArgumentException("line " + line + ": quote inside an unquoted field");
            }
            position++;
        }
        return text.substring(start, position);
    }

    private String quoted() {
        int opened = line;
        StringBuilder field = new StringBuilder();
        position++;
        while (true) {
            if (position >= text.length()) {
                throw new IllegalArgumentException("line " + opened + ": quoted field is never closed");
            }
            char c = text.charAt(position++);
            if (c == '"') {
                if (position < text.length() && text.charAt(position) == '"') {
                    field.append('"');
                    position++;
                    continue;
                }
                break;
            }
            if (c == '\n' || (c == '\r' && (position >= text.length() || text.charAt(position) != '\n'))) {
                line++;
            }
            field.append(c);
        }
        if (position < text.length() && text.charAt(position) != ',' && !atLineBreak()) {
            throw new IllegalArgumentException("line " + line + ": text after a closing quote");
        }
        return field.toString();
    }

    private boolean atLineBreak() {
        char c = text.charAt(position);
        return c == '\r' || c == '\n';
    }

    private void skipLineBreak() {
        if (text.charAt(position) == '\r' && position + 1 < text.length() && text.charAt(position + 1) == '\n') {
            position++;
        }
        position++;
        line++;
    }
}
