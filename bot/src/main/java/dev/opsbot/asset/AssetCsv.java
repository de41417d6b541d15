package dev.opsbot.asset;

import dev.opsbot.command.Refusal;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Assets as CSV (RFC 4180: quotes around a field that holds a comma, a quote or a line break,
 * doubled quotes inside). The header names the {@code /asset add} options in any order.
 */
public final class AssetCsv {

    /** The columns a file may have; name, type and env are required. */
    public static final List<String> COLUMNS = List.of("name", "type", "env", "state", "site", "rack", "owner",
            "service", "address", "probe", "tag");
    private static final List<String> REQUIRED = List.of("name", "type", "env");

    private AssetCsv() {
    }

    /** Rows of a CSV file, each with its line number; refuses a header with an unknown or missing column. */
    public static List<AssetImport.Row> read(Reader in) throws IOException {
        Records records = new Records(in);
        List<String> header = records.next();
        if (header == null) {
            throw Refusal.badInput("The file is empty; its first line names the columns, e.g. name,type,env.");
        }
        List<String> columns = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        checkHeader(columns);
        List<AssetImport.Row> rows = new ArrayList<>();
        while (true) {
            int line = records.line;
            List<String> fields = records.next();
            if (fields == null) {
                return rows;
            }
            if (fields.size() == 1 && fields.get(0).isBlank()) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < fields.size() && i < columns.size(); i++) {
                values.put(columns.get(i), fields.get(i));
            }
            String problem = fields.size() > columns.size()
                    ? "it has " + fields.size() + " fields but the header names " + columns.size() + "." : null;
            rows.add(new AssetImport.Row(line, values, problem));
        }
    }

    public static void checkHeader(List<String> columns) {
        Set<String> seen = new HashSet<>();
        for (String c : columns) {
            if (!COLUMNS.contains(c)) {
                throw Refusal.badInput("The column “" + c + "” is not an asset field; use " + String.join(", ", COLUMNS)
                        + ".");
            }
            if (!seen.add(c)) {
                throw Refusal.badInput("The column “" + c + "” appears twice.");
            }
        }
        for (String c : REQUIRED) {
            if (!seen.contains(c)) {
                throw Refusal.badInput("The columns must include " + String.join(", ", REQUIRED) + "; “" + c
                        + "” is missing.");
            }
        }
    }

    /** One asset as a CSV line in {@link #COLUMNS} order. */
    public static String line(Asset a) {
        List<String> out = new ArrayList<>();
        for (String column : COLUMNS) {
            out.add(quoted(AssetImport.field(a, column)));
        }
        return String.join(",", out);
    }

    public static String header() {
        return String.join(",", COLUMNS);
    }

    private static String quoted(String v) {
        if (v.isEmpty()) {
            return "";
        }
        boolean needs = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                || !v.equals(v.strip());
        return needs ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    /** Reads one record at a time, counting physical lines so a row is reported where it starts. */
    private static final class Records {
        private final Reader in;
        private int line = 1;
        private int peeked = -2;

        Records(Reader in) {
            this.in = in;
        }

        private int read() throws IOException {
            if (peeked != -2) {
                int c = peeked;
                peeked = -2;
                return c;
            }
            return in.read();
        }

        List<String> next() throws IOException {
            int c = read();
            if (c == -1) {
                return null;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            while (true) {
                if (c == -1) {
                    if (quoted) {
                        throw Refusal.badInput("A quote opened before line " + line + " is never closed.");
                    }
                    fields.add(field.toString());
                    return fields;
                }
                char ch = (char) c;
                if (quoted) {
                    if (ch == '"') {
                        int n = read();
                        if (n == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            c = n;
                            continue;
                        }
                    } else {
                        if (ch == '\n') {
                            line++;
                        }
                        field.append(ch);
                    }
                } else if (ch == '"' && field.isEmpty() && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (ch == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                } else if (ch == '\r' || ch == '\n') {
                    if (ch == '\r') {
                        int n = read();
                        if (n != '\n') {
                            peeked = n;
                        }
                    }
                    line++;
                    fields.add(field.toString());
                    return fields;
                } else {
                    field.append(ch);
                }
                c = read();
            }
        }
    }
}
