package dev.kobj.bench.report;

import java.util.Map;

/**
 * One benchmark's result from JMH's JSON, times in ns/op whatever unit JMH used.
 *
 * @param id {@code Class.method}, with JMH parameters in brackets
 * @param mode JMH's mode ("avgt", "sample", "ss")
 * @param ns the primary score in ns/op
 * @param errorNs its 99.9% confidence half-width in ns/op (NaN if JMH gave none)
 * @param secondary the secondary metrics by name ("gc.alloc.rate.norm" in B/op, aux counters)
 * @param percentilesNs SampleTime's percentiles in ns ("50.0" → ...), empty for other modes
 */
public record Measurement(String id, String mode, double ns, double errorNs, Map<String, Double> secondary,
        Map<String, Double> percentilesNs) {
    public Measurement {
        secondary = Map.copyOf(secondary);
        percentilesNs = Map.copyOf(percentilesNs);
    }

    /** A secondary metric, or NaN if the run did not produce it. */
    public double metric(String name) {
        Double value = secondary.get(name);
        return value == null ? Double.NaN : value;
    }
}
