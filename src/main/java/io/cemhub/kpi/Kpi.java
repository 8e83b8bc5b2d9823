package io.cemhub.kpi;

/** One entry of the KPI catalogue. {@code better} is "higher" or "lower". */
public record Kpi(String name, String unit, String better, String description) {

    public boolean higherIsBetter() {
        return "higher".equals(better);
    }
}
