package io.cemhub.report;

import io.cemhub.experience.ExperienceStore;
import io.cemhub.experience.Rollup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A report as one rectangular CSV (RFC 4180, UTF-8, CRLF): every line has the same columns; the first,
 * {@code record}, says what the line is (summary, service, kpi, customer_kpi, series, experience) and which
 * columns it fills (docs/experience.md#reports). Numbers in the C locale; empty when there is none.
 */
public final class ReportCsv {

    static final String HEADER = "record,service_id,metric,start,count,min,avg,max,p95,target,objective,hours,"
            + "compliant_hours,compliance_pct,alarms,alarm_minutes,tickets,payment_trouble,score,band";
    private static final int COLUMNS = HEADER.split(",").length;

    private ReportCsv() {
    }

    public static String render(ReportData r) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        ReportData.Summary s = r.summary();
        Object[] summary = line("summary");
        summary[1] = ReportData.scopeIsService(r) ? r.subjectId() : null;
        summary[3] = r.from();
        summary[13] = s.compliancePct();
        summary[14] = s.alarms();
        summary[15] = s.alarmMinutes();
        summary[16] = s.tickets();
        summary[17] = s.paymentTrouble();
        summary[18] = s.experienceLast();
        summary[19] = s.band();
        append(out, summary);
        for (ReportData.ServiceSection sec : r.services()) {
            Object[] service = line("service");
            service[1] = sec.serviceId();
            service[13] = sec.compliancePct();
            service[14] = sec.alarms();
            service[15] = sec.alarmMinutes();
            service[16] = sec.tickets();
            append(out, service);
            for (ReportData.Kpi k : sec.kpis()) {
                Object[] kpi = kpiLine("kpi", sec.serviceId(), k.metric(), k.total());
                kpi[3] = r.from();
                kpi[9] = k.target();
                kpi[10] = k.objective();
                kpi[11] = k.target() == null ? null : k.hours();
                kpi[12] = k.target() == null ? null : k.compliantHours();
                kpi[13] = k.compliancePct();
                append(out, kpi);
            }
        }
        for (ReportData.Kpi k : r.customerKpis()) {
            Object[] kpi = kpiLine("customer_kpi", null, k.metric(), k.total());
            kpi[3] = r.from();
            append(out, kpi);
        }
        for (ReportData.ServiceSection sec : r.services()) {
            for (ReportData.Kpi k : sec.kpis()) {
                for (Rollup.Point p : k.series()) {
                    append(out, kpiLine("series", sec.serviceId(), k.metric(), p));
                }
            }
        }
        for (ExperienceStore.Day d : r.experience()) {
            Object[] day = line("experience");
            day[3] = d.day();
            day[18] = d.score();
            day[19] = d.band();
            append(out, day);
        }
        return out.toString();
    }

    private static Object[] line(String record) {
        Object[] line = new Object[COLUMNS];
        line[0] = record;
        return line;
    }

    private static Object[] kpiLine(String record, String serviceId, String metric, Rollup.Point p) {
        Object[] line = line(record);
        line[1] = serviceId;
        line[2] = metric;
        line[3] = p.start();
        line[4] = p.count();
        line[5] = p.min();
        line[6] = p.avg();
        line[7] = p.max();
        line[8] = p.p95();
        return line;
    }

    private static void append(StringBuilder out, Object[] values) {
        List<String> cells = new ArrayList<>(values.length);
        Arrays.stream(values).forEach(v -> cells.add(cell(v)));
        out.append(String.join(",", cells)).append("\r\n");
    }

    static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "" : number(d);
        }
        String text = v.toString();
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    /** Up to four decimals, no exponent, no trailing zeros. */
    static String number(double d) {
        String s = String.format(Locale.ROOT, "%.4f", d);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
