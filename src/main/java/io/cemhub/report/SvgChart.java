package io.cemhub.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small line chart drawn as inline SVG on the server (no script in the report): a time axis over the
 * report's period, lines, an optional shaded min-max band, dashed reference lines (a contracted target,
 * the index's band edges) and a legend.
 */
final class SvgChart {

    static final int WIDTH = 640;
    static final int HEIGHT = 220;
    private static final int LEFT = 56;
    private static final int RIGHT = 12;
    private static final int TOP = 12;
    private static final int BOTTOM = 40;

    record Point(Instant t, double y) {
    }

    record Line(String name, String color, List<Point> points) {
    }

    record Band(List<Point> low, List<Point> high) {
    }

    record Reference(String name, double y) {
    }

    private final Instant from;
    private final Instant to;
    private final boolean hours;
    private final List<Line> lines = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();
    private Band band;
    private Double fixedMin;
    private Double fixedMax;

    SvgChart(Instant from, Instant to, boolean hours) {
        this.from = from;
        this.to = to;
        this.hours = hours;
    }

    SvgChart line(String name, String color, List<Point> points) {
        lines.add(new Line(name, color, points.stream().filter(p -> Double.isFinite(p.y())).toList()));
        return this;
    }

    SvgChart band(List<Point> low, List<Point> high) {
        band = new Band(low.stream().filter(p -> Double.isFinite(p.y())).toList(),
                high.stream().filter(p -> Double.isFinite(p.y())).toList());
        return this;
    }

    SvgChart reference(String name, Double y) {
        if (y != null) {
            references.add(new Reference(name, y));
        }
        return this;
    }

    SvgChart range(double min, double max) {
        fixedMin = min;
        fixedMax = max;
        return this;
    }

    String render(String title) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        List<Point> all = new ArrayList<>();
        lines.forEach(l -> all.addAll(l.points()));
        if (band != null) {
            all.addAll(band.low());
            all.addAll(band.high());
        }
        for (Point p : all) {
            lo = Math.min(lo, p.y());
            hi = Math.max(hi, p.y());
        }
        for (Reference r : references) {
            lo = Math.min(lo, r.y());
            hi = Math.max(hi, r.y());
        }
        if (fixedMin != null) {
            lo = fixedMin;
            hi = fixedMax;
        }
        if (!Double.isFinite(lo)) {
            lo = 0;
            hi = 1;
        }
        if (hi - lo < 1e-9) {
            hi = lo + Math.max(1, Math.abs(lo) * 0.1);
        }
        final double min = lo;
        final double max = hi;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\"><title>").append(ReportHtml.escape(title)).append("</title>");
        svg.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(WIDTH - LEFT - RIGHT)
                .append("\" height=\"").append(HEIGHT - TOP - BOTTOM).append("\" fill=\"#fafafa\" stroke=\"#ccc\"/>");
        for (int i = 0; i <= 4; i++) {
            double v = min + (max - min) * i / 4;
            double y = y(v, min, max);
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(f(y))
                    .append("\" y2=\"").append(f(y)).append("\" stroke=\"#eee\"/><text x=\"").append(LEFT - 4).append("\" y=\"")
                    .append(f(y + 4)).append("\" font-size=\"10\" text-anchor=\"end\">").append(ReportCsv.number(round(v)))
                    .append("</text>");
        }
        DateTimeFormatter label = DateTimeFormatter.ofPattern(hours ? "HH:mm" : "MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
        for (int i = 0; i <= 4; i++) {
            Instant t = from.plusMillis((to.toEpochMilli() - from.toEpochMilli()) * i / 4);
            svg.append("<text x=\"").append(f(x(t))).append("\" y=\"").append(HEIGHT - BOTTOM + 14)
                    .append("\" font-size=\"10\" text-anchor=\"middle\">").append(label.format(t)).append("</text>");
        }
        if (band != null && !band.low().isEmpty()) {
            StringBuilder area = new StringBuilder();
            band.high().forEach(p -> area.append(f(x(p.t()))).append(',').append(f(y(p.y(), min, max))).append(' '));
            for (int i = band.low().size() - 1; i >= 0; i--) {
                Point p = band.low().get(i);
                area.append(f(x(p.t()))).append(',').append(f(y(p.y(), min, max))).append(' ');
            }
            svg.append("<polygon class=\"band\" points=\"").append(area.toString().trim()).append("\" fill=\"#9ecae1\" fill-opacity=\"0.35\"/>");
        }
        for (Reference r : references) {
            double y = y(r.y(), min, max);
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(f(y))
                    .append("\" y2=\"").append(f(y)).append("\" stroke=\"#d62728\" stroke-dasharray=\"4 3\"><title>")
                    .append(ReportHtml.escape(r.name())).append("</title></line>");
        }
        for (Line l : lines) {
            StringBuilder pts = new StringBuilder();
            l.points().forEach(p -> pts.append(f(x(p.t()))).append(',').append(f(y(p.y(), min, max))).append(' '));
            svg.append("<polyline class=\"series\" fill=\"none\" stroke=\"").append(l.color()).append("\" stroke-width=\"1.5\" points=\"")
                    .append(pts.toString().trim()).append("\"/>");
            if (l.points().size() == 1) {
                Point p = l.points().get(0);
                svg.append("<circle cx=\"").append(f(x(p.t()))).append("\" cy=\"").append(f(y(p.y(), min, max)))
                        .append("\" r=\"3\" fill=\"").append(l.color()).append("\"/>");
            }
        }
        int lx = LEFT;
        for (Line l : lines) {
            svg.append("<rect x=\"").append(lx).append("\" y=\"").append(HEIGHT - 14).append("\" width=\"10\" height=\"3\" fill=\"")
                    .append(l.color()).append("\"/><text x=\"").append(lx + 14).append("\" y=\"").append(HEIGHT - 10)
                    .append("\" font-size=\"10\">").append(ReportHtml.escape(l.name())).append("</text>");
            lx += 24 + 6 * l.name().length();
        }
        return svg.append("</svg>").toString();
    }

    private double x(Instant t) {
        double span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
        return LEFT + (WIDTH - LEFT - RIGHT) * (t.toEpochMilli() - from.toEpochMilli()) / span;
    }

    private static double y(double v, double min, double max) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - (v - min) / (max - min));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
