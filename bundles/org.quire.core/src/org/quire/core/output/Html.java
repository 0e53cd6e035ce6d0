package org.quire.core.output;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.quire.core.run.RunStatus;

/**
 * Small helpers for the self-contained HTML reports: escaping, link encoding, the shared inline style
 * sheet and status badges. Stateless and thread-safe.
 */
final class Html {

    /** Inline CSS shared by the run and job pages; no external resources. */
    static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;padding:1.5em 2em;color:#1d2430;\
            background:#fafbfc;line-height:1.45;max-width:1200px}
            h1{font-size:1.5em;margin:.2em 0 .4em}h2{font-size:1.15em;margin-top:1.8em;border-bottom:1px solid #d8dee4;padding-bottom:.2em}
            h3{font-size:1em;margin:1.2em 0 .4em}
            code,pre{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:.9em}
            pre{background:#f0f2f5;padding:.6em .8em;overflow-x:auto;border-radius:4px;margin:.3em 0}
            table{border-collapse:collapse;margin:.4em 0;font-size:.92em}
            th,td{border:1px solid #d8dee4;padding:.25em .6em;text-align:left;vertical-align:top}
            th{background:#eef1f4}td.num{text-align:right;font-variant-numeric:tabular-nums}
            .badge{display:inline-block;padding:.15em .6em;border-radius:1em;font-weight:600;font-size:.9em;color:#fff;vertical-align:middle}
            .s-ok{background:#1a7f37}.s-warnings{background:#b8860b}.s-invalid,.s-input-error,.s-failed{background:#cf222e}\
            .s-cancelled{background:#6e7781}
            .message{border-left:4px solid #cf222e;background:#fff0f0;padding:.5em .8em;margin:.8em 0;white-space:pre-wrap}
            .warnings{border-left:4px solid #b8860b;background:#fff8e1;padding:.5em .8em;margin:.8em 0}
            .warnings li{white-space:pre-wrap}
            .note{color:#57606a;font-size:.92em}
            figure{margin:.6em 0 1.2em}figure img{max-width:100%;border:1px solid #d8dee4;background:#fff}
            figcaption{font-size:.9em;color:#57606a}
            img.thumb{max-width:300px;max-height:190px;border:1px solid #d8dee4;background:#fff}
            section.run{border:1px solid #d8dee4;border-radius:6px;padding:.4em 1em .8em;margin:1em 0;background:#fff}
            .counts span{margin-right:1em}
            """;

    private Html() {
    }

    /** Escapes text for element content and quoted attribute values. Null becomes empty. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * A relative link to a path made of '/'-separated segments: each segment percent-encoded (UTF-8),
     * then HTML-escaped for use in an attribute.
     */
    static String href(String relativePath) {
        StringBuilder sb = new StringBuilder();
        for (byte b : relativePath.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_'
                    || c == '~' || c == '/') {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return esc(sb.toString());
    }

    /** A status badge, e.g. {@code <span class="badge s-ok">ok</span>}. */
    static String badge(RunStatus status) {
        String name = status == null ? "unknown" : status.jsonName();
        return "<span class=\"badge s-" + esc(name) + "\">" + esc(name) + "</span>";
    }

    /** A number as shown in reports: shortest round-trip text, {@code NaN} and {@code ±Infinity} as such. */
    static String number(double v) {
        return Double.toString(v);
    }

    /**
     * A table cell for a number: six significant digits (integers in full) for reading, the exact
     * round-trip value as the cell's tooltip; the exact values are also in {@code results.json}.
     */
    static String numberCell(double v) {
        String exact = number(v);
        String shown;
        if (!Double.isFinite(v) || v == 0) {
            shown = exact;
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            shown = Long.toString((long) v);
        } else if (Math.abs(v) >= 1e-4 && Math.abs(v) < 1e6) {
            shown = new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
        } else {
            shown = String.format(java.util.Locale.ROOT, "%.5e", v);
        }
        return "<td class=\"num\" title=\"" + esc(exact) + "\">" + esc(shown) + "</td>";
    }

    /** Starts a page: doctype, head with title and style, opening body. */
    static void begin(StringBuilder out, String title) {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    }

    /** Ends a page. */
    static void end(StringBuilder out) {
        out.append("</body>\n</html>\n");
    }
}
