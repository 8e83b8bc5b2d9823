package io.cemhub.threshold;

/** One evaluated series: a metric of a service. */
public record SeriesKey(String serviceId, String metric) {
}
