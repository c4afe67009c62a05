package dev.berth.benchmarks.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One figure of the comparison: a rate per registry per round (higher is better), a detail of each
 * measurement for the reader, and Berth's largest resident memory while it was measured.
 */
final class Figure {
    private final String label;
    private final String unit;
    private final List<Double> berth = new ArrayList<>();
    private final List<Double> distribution = new ArrayList<>();
    private final List<String> berthDetails = new ArrayList<>();
    private final List<String> distributionDetails = new ArrayList<>();
    private long berthMaxRss;

    Figure(String label, String unit) {
        this.label = Objects.requireNonNull(label, "label");
        this.unit = Objects.requireNonNull(unit, "unit");
    }

    void add(Target target, double rate, String detail, long maxRss) {
        switch (target.kind()) {
            case BERTH -> {
                berth.add(rate);
                berthDetails.add(detail);
                berthMaxRss = Math.max(berthMaxRss, maxRss);
            }
            case DISTRIBUTION -> {
                distribution.add(rate);
                distributionDetails.add(detail);
            }
        }
        System.out.printf(Locale.ROOT, "%s, %s: %s %s (%s; its resident memory reached %d MB)%n", label, target.client().name(),
                number(rate), unit, detail, maxRss >> 20);
    }

    /** The Markdown table row: medians of the rounds, the ratio Berth / Distribution, Berth's largest memory. */
    String row() {
        double b = median(berth);
        double d = median(distribution);
        String berthCell = number(b) + " " + unit + (berth.size() == 1 ? " (" + berthDetails.getFirst() + ")" : "");
        String distributionCell = number(d) + " " + unit + (distribution.size() == 1 ? " (" + distributionDetails.getFirst() + ")" : "");
        return "| " + label + " | " + berthCell + " | " + distributionCell + " | **" + String.format(Locale.ROOT, "%.2f", b / d) + "** | "
                + (berthMaxRss >> 20) + " MB |";
    }

    static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
