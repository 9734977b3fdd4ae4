package org.lowfreq.analysis.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.lowfreq.analysis.figures.XYFigure;

/** Attack success rate against epsilon, per attack probe. */
final class AttackSection implements ReportSection {
    private final ReportContext ctx;

    AttackSection(ReportContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String name() {
        return "attacks";
    }

    @Override
    public String anchor() {
        return "attacks";
    }

    @Override
    public void draw(HtmlPage page) {
        ResultSet data = ctx.data;
        page.heading(2, "Minimal adversarial attacks", anchor());
        List<String> probes = data.rows().stream().filter(r -> r.metric().equals("success_rate"))
                .map(ResultRecord::probe).distinct().sorted().toList();
        if (probes.isEmpty()) {
            page.noData("success rate vs epsilon", "no rows with metric success_rate");
            return;
        }
        for (String probe : probes) {
            String param = data.rows().stream().filter(r -> r.probe().equals(probe) && r.metric().equals("success_rate"))
                    .map(ResultRecord::parameter).findFirst().orElse("epsilon");
            String norm = param.endsWith("l2") ? "L2" : param.endsWith("linf") ? "Linf" : param;
            XYFigure fig = new XYFigure("Attack success rate (fraction) vs " + norm + " epsilon (pixel scale [0, 1]): "
                    + probe, "epsilon, " + norm + " norm of the perturbation (pixel scale [0, 1]; log axis)",
                    "success rate (fraction of images)", true);
            Set<String> legend = new LinkedHashSet<>();
            for (ModelInfo m : ctx.modelsBySigma()) {
                TreeMap<Double, Double> c = data.curve(m.name(), probe::equals, param::equals, "success_rate", null);
                c.headMap(0.0, true).clear(); // a log axis cannot show epsilon 0
                if (c.isEmpty()) {
                    continue;
                }
                String conf = m.configurationLabel();
                fig.line(legend.add(conf) ? conf : null, ReportContext.keys(c), ReportContext.values(c), ctx.colour(m), 1.5f);
            }
            fig.yRange(0, 1.02);
            ctx.figure(page, "success-rate-" + probe, fig.png(ReportContext.W, ReportContext.H), "Empirical CDF of the "
                    + "per-image minimal epsilon (failures never count as a success); one line per model, one colour "
                    + "per configuration.");
        }
    }
}
