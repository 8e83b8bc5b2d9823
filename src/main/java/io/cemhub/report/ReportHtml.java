package io.cemhub.report;

import io.cemhub.experience.ExperienceStore;
import io.cemhub.experience.Rollup;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A report as one self-contained HTML page: summary, SLA compliance and alarms per service, KPI tables and
 * charts drawn on the server as inline SVG ({@link SvgChart}): no script, no outside resource, so the file
 * opens anywhere, also saved or mailed.
 */
public final class ReportHtml {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private ReportHtml() {
    }

    public static String render(ReportData r) {
        String title = "CEM report: " + (ReportData.scopeIsService(r) ? "service " + r.subjectId() + " of " : "")
                + "customer " + r.customerId() + ", " + r.period().key() + " from " + DAY.format(r.from());
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title><style>body{font-family:sans-serif;margin:1.5em;color:#222}"
                        + "table{border-collapse:collapse;margin:.5em 0 1em}td,th{border:1px solid #ccc;padding:2px 8px;"
                        + "text-align:right}th:first-child,td:first-child{text-align:left}.bad{color:#b00}"
                        + "svg.chart{display:block;margin:.3em 0 1em}</style></head><body>");
        h.append("<h1>").append(escape(title)).append("</h1>");
        h.append("<p>").append(escape(r.customerName())).append(" · segment ").append(escape(r.segment()))
                .append(" · SLA tier ").append(escape(r.slaTier())).append(" · period ").append(DAY.format(r.from()))
                .append(" to ").append(DAY.format(r.to())).append(" (exclusive, UTC) · generated ").append(r.generatedAt())
                .append("</p>");
        ReportData.Summary s = r.summary();
        h.append("<h2>Summary</h2><table id=\"summary\"><tr><th>SLA compliance</th><th>alarms</th><th>alarm minutes</th>"
                + "<th>trouble tickets</th><th>payment trouble</th><th>experience index</th><th>band</th></tr><tr><td>")
                .append(pct(s.compliancePct())).append("</td><td>").append(s.alarms()).append("</td><td>")
                .append(num(s.alarmMinutes())).append("</td><td>").append(s.tickets()).append("</td><td>")
                .append(s.paymentTrouble()).append("</td><td>").append(trend(s)).append("</td><td>")
                .append(escape(s.band())).append("</td></tr></table>");
        experience(h, r);
        h.append("<h2>Services</h2><table id=\"services\"><tr><th>service</th><th>type</th><th>SLA compliance</th>"
                + "<th>alarms</th><th>alarm minutes</th><th>tickets</th></tr>");
        for (ReportData.ServiceSection sec : r.services()) {
            h.append("<tr><td>").append(escape(sec.serviceId())).append("</td><td>").append(escape(sec.serviceType()))
                    .append("</td><td>").append(pct(sec.compliancePct())).append("</td><td>").append(sec.alarms())
                    .append("</td><td>").append(num(sec.alarmMinutes())).append("</td><td>").append(sec.tickets())
                    .append("</td></tr>");
        }
        h.append("</table>");
        if (!r.customerKpis().isEmpty()) {
            h.append("<h2>KPIs of all services</h2>");
            kpiTable(h, r.customerKpis(), false);
        }
        for (ReportData.ServiceSection sec : r.services()) {
            h.append("<h2>Service ").append(escape(sec.serviceId())).append("</h2>");
            kpiTable(h, sec.kpis(), true);
            for (ReportData.Kpi k : sec.kpis()) {
                if (k.series().isEmpty()) {
                    continue;
                }
                SvgChart chart = new SvgChart(r.from(), r.to(), r.period() == ReportPeriod.DAY)
                        .band(points(k.series(), Rollup.Point::min), points(k.series(), Rollup.Point::max))
                        .line("avg", "#1f77b4", points(k.series(), Rollup.Point::avg))
                        .line("p95", "#ff7f0e", points(k.series(), Rollup.Point::p95))
                        .reference("contracted " + k.objective() + " " + k.target(), k.target());
                h.append("<h3>").append(escape(k.metric())).append("</h3>")
                        .append(chart.render(sec.serviceId() + " " + k.metric() + ": avg, p95, min-max"));
            }
        }
        return h.append("</body></html>").toString();
    }

    private static void experience(StringBuilder h, ReportData r) {
        h.append("<h2>Experience index</h2>");
        if (r.experience().isEmpty()) {
            h.append("<p>No daily value in this period.</p>");
            return;
        }
        List<SvgChart.Point> pts = r.experience().stream().map(d -> new SvgChart.Point(d.day(), d.score())).toList();
        h.append(new SvgChart(r.from(), r.to(), false).range(0, 100).line("index", "#2ca02c", pts)
                .reference("average from", r.averageFrom()).reference("ideal from", r.idealFrom())
                .render("experience index per day"));
        h.append("<table id=\"experience\"><tr><th>day</th><th>score</th><th>band</th></tr>");
        for (ExperienceStore.Day d : r.experience()) {
            h.append("<tr><td>").append(DAY.format(d.day())).append("</td><td>").append(num(d.score())).append("</td><td>")
                    .append(escape(d.band())).append("</td></tr>");
        }
        h.append("</table>");
    }

    private static void kpiTable(StringBuilder h, List<ReportData.Kpi> kpis, boolean contract) {
        h.append("<table class=\"kpis\"><tr><th>metric</th><th>samples</th><th>min</th><th>avg</th><th>max</th><th>p95</th>");
        if (contract) {
            h.append("<th>contracted</th><th>hours</th><th>complying</th><th>compliance</th>");
        }
        h.append("</tr>");
        for (ReportData.Kpi k : kpis) {
            Rollup.Point t = k.total();
            h.append("<tr><td>").append(escape(k.metric())).append("</td><td>").append(t.count()).append("</td><td>")
                    .append(num(t.min())).append("</td><td>").append(num(t.avg())).append("</td><td>").append(num(t.max()))
                    .append("</td><td>").append(num(t.p95())).append("</td>");
            if (contract) {
                boolean has = k.target() != null;
                h.append("<td>").append(has ? escape(k.objective()) + " " + num(k.target()) : "").append("</td><td>")
                        .append(has ? k.hours() : "").append("</td><td>").append(has ? k.compliantHours() : "")
                        .append("</td><td").append(has && k.compliancePct() != null && k.compliancePct() < 100 ? " class=\"bad\">" : ">")
                        .append(pct(k.compliancePct())).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table>");
    }

    private static List<SvgChart.Point> points(List<Rollup.Point> series, ToDoubleFunction<Rollup.Point> value) {
        return series.stream().map(p -> new SvgChart.Point(p.start(), value.applyAsDouble(p))).toList();
    }

    private static String trend(ReportData.Summary s) {
        if (s.experienceLast() == null) {
            return "";
        }
        return s.experienceFirst().equals(s.experienceLast()) ? num(s.experienceLast())
                : num(s.experienceFirst()) + " → " + num(s.experienceLast());
    }

    private static String pct(Double v) {
        return v == null ? "–" : num(v) + " %";
    }

    private static String num(Double v) {
        return v == null || v.isNaN() ? "" : ReportCsv.number(v);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
