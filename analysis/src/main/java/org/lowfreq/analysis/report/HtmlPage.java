package org.lowfreq.analysis.report;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * A self-contained HTML page: inline CSS, images as base64 data URIs, no scripts and no network
 * references, so it opens offline and can be mailed as one file.
 */
public final class HtmlPage {
    private final StringBuilder body = new StringBuilder();
    private final String title;

    public HtmlPage(String title) {
        this.title = title;
    }

    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    public HtmlPage heading(int level, String text, String id) {
        body.append("<h").append(level).append(id == null ? "" : " id=\"" + id + "\"").append('>').append(escape(text))
                .append("</h").append(level).append(">\n");
        return this;
    }

    public HtmlPage paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    public HtmlPage raw(String html) {
        body.append(html).append('\n');
        return this;
    }

    /** A figure box that says there is no data and why. */
    public HtmlPage noData(String what, String why) {
        body.append("<div class=\"nodata\"><b>").append(escape(what)).append(": no data.</b> ").append(escape(why))
                .append("</div>\n");
        return this;
    }

    public HtmlPage image(byte[] png, String alt, String caption) {
        body.append("<figure><img alt=\"").append(escape(alt)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\"/>");
        if (caption != null && !caption.isEmpty()) {
            body.append("<figcaption>").append(escape(caption)).append("</figcaption>");
        }
        body.append("</figure>\n");
        return this;
    }

    public HtmlPage table(List<String> header, List<List<String>> rows) {
        body.append("<table><thead><tr>");
        header.forEach(h -> body.append("<th>").append(escape(h)).append("</th>"));
        body.append("</tr></thead><tbody>\n");
        for (List<String> r : rows) {
            body.append("<tr>");
            r.forEach(c -> body.append("<td>").append(escape(c)).append("</td>"));
            body.append("</tr>\n");
        }
        body.append("</tbody></table>\n");
        return this;
    }

    public String html() {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>" + escape(title) + "</title>\n"
                + "<style>body{font-family:sans-serif;max-width:1150px;margin:2em auto;padding:0 1em;color:#222}"
                + "h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}"
                + "figure{display:inline-block;margin:.5em;vertical-align:top}figure img{max-width:100%;border:1px solid #eee}"
                + "figcaption{font-size:.85em;color:#555;max-width:760px}"
                + "table{border-collapse:collapse;font-size:.85em;margin:.5em 0}td,th{border:1px solid #ccc;padding:.2em .5em;"
                + "text-align:right}th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}"
                + ".nodata{border:1px dashed #aaa;background:#fafafa;padding:1em;margin:.5em 0;color:#555}"
                + "nav a{margin-right:1em}</style></head><body>\n"
                + "<h1>" + escape(title) + "</h1>\n" + body + "</body></html>\n";
    }

    /** Writes the page atomically. */
    public void write(Path file) {
        org.lowfreq.spi.AtomicFiles.writeString(file, html());
    }
}
