package io.cemhub.adapter;

/**
 * What mappings see as {@code $contracted(system, serviceId, name)}: a contracted characteristic of the
 * service a source names (e.g. downloadMbps of line LINE-00042 of system wisla-speedtest), from the
 * registry, or null when the service or the value is unknown. Lets a mapping derive ratios such as
 * speedtest.download.ratio without Java per adapter.
 */
@FunctionalInterface
public interface ContractedValues {

    ContractedValues NONE = (system, serviceId, name) -> null;

    Double value(String system, String serviceId, String name);
}
