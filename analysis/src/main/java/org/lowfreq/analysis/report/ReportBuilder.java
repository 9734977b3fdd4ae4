package org.lowfreq.analysis.report;

import java.nio.file.Path;
import java.util.List;
import org.lowfreq.spi.ProgressListener;

/**
 * {@code lowfreq report}: the figures of docs/METHODS.md section 9 and the per-model tables, as one
 * self-contained {@code index.html} (PNG figures inlined as data URIs; also saved under
 * {@code figures/}). Each section is its own class; a figure whose inputs are missing says "no data"
 * and why, and a section that fails to draw says so too, so one bad input never costs the rest.
 */
public final class ReportBuilder {
    private final ReportContext ctx;
    private final List<ReportSection> sections;

    public ReportBuilder(ResultSet data, Artifacts artifacts, Path outDir, long seed) {
        this(data, artifacts, outDir, seed, SpectrumSource.CSV);
    }

    /** {@code spectra}: where the heat maps' 2-D power comes from (the job folders' CSV, or perturbations via the app). */
    public ReportBuilder(ResultSet data, Artifacts artifacts, Path outDir, long seed, SpectrumSource spectra) {
        this.ctx = new ReportContext(data, artifacts, outDir, seed);
        this.sections = List.of(new TablesSection(ctx), new HybridSection(ctx), new SpectraSection(ctx, spectra),
                new AttackSection(ctx), new RobustnessSection(ctx), new CorruptionPanelsSection(ctx),
                new SeedVarianceSection(ctx));
    }

    /** Figures or notes that could not be drawn, for the command to print. */
    public List<String> warnings() {
        return ctx.warnings();
    }

    public int figureCount() {
        return ctx.figureCount();
    }

    /** Writes {@code index.html} and {@code figures/*.png}; returns the page. */
    public Path write(ProgressListener progress) {
        ResultSet data = ctx.data;
        HtmlPage page = new HtmlPage("lowfreq report");
        page.paragraph(data.models().size() + " models (" + String.join(", ", data.families()) + "), "
                + data.rows().size() + " result rows. Frequencies: f_rev normalised (Nyquist = 1), f_0.5 in cycles/pixel; "
                + "blur \u03c3 in pixels; accuracies are fractions correct; epsilon on the [0, 1] pixel scale.");
        StringBuilder nav = new StringBuilder("<nav>");
        sections.forEach(s -> nav.append("<a href=\"#").append(s.anchor()).append("\">").append(HtmlPage.escape(s.name()))
                .append("</a>"));
        page.raw(nav.append("</nav>").toString());
        progress.start("report", sections.size());
        for (ReportSection s : sections) {
            try {
                s.draw(page);
            } catch (RuntimeException ex) {
                ctx.warn(s.name() + ": " + ex);
                page.noData(s.name(), "the section failed to draw: " + ex.getMessage());
            }
            progress.advance(1);
        }
        progress.finish();
        Path index = ctx.outDir.resolve("index.html");
        page.write(index);
        return index;
    }
}
