package io.cemhub.experience;

/**
 * The customer experience index, 0-100: a weighted mean of four part scores, each 0-100.
 * SLA: the compliance % (100 when nothing contracted was measured); alarms, tickets, payment trouble:
 * 100 x max(0, 1 - amount / zero-point). Bands: bad below averageFrom, ideal from idealFrom, else average.
 */
public final class ExperienceIndex {

    public static final String BAD = "bad";
    public static final String AVERAGE = "average";
    public static final String IDEAL = "ideal";

    private final ExperienceProperties p;

    public ExperienceIndex(ExperienceProperties properties) {
        this.p = properties;
        ExperienceProperties.Weights w = p.getWeights();
        if (w.getSla() < 0 || w.getAlarms() < 0 || w.getTickets() < 0 || w.getPayments() < 0
                || w.getSla() + w.getAlarms() + w.getTickets() + w.getPayments() <= 0) {
            throw new IllegalStateException("cem.experience.weights must be >= 0 and not all 0");
        }
        if (p.getBands().getAverageFrom() > p.getBands().getIdealFrom()) {
            throw new IllegalStateException("cem.experience.bands: average-from must not exceed ideal-from");
        }
    }

    /** What went into a customer's index. */
    public record Inputs(Double slaPercent, double alarmMinutes, long tickets, long paymentTrouble) {
    }

    /** The index with its part scores. */
    public record Value(double score, String band, double slaScore, double alarmScore, double ticketScore,
                        double paymentScore, Inputs inputs) {
    }

    public Value compute(Inputs in) {
        double sla = in.slaPercent() == null ? 100 : clamp(in.slaPercent());
        double alarms = falling(in.alarmMinutes(), p.getZero().getAlarmMinutes());
        double tickets = falling(in.tickets(), p.getZero().getTickets());
        double payments = falling(in.paymentTrouble(), p.getZero().getPaymentTrouble());
        ExperienceProperties.Weights w = p.getWeights();
        double total = w.getSla() + w.getAlarms() + w.getTickets() + w.getPayments();
        double score = (w.getSla() * sla + w.getAlarms() * alarms + w.getTickets() * tickets + w.getPayments() * payments) / total;
        score = Math.round(score * 10) / 10.0;
        return new Value(score, band(score), round(sla), round(alarms), round(tickets), round(payments), in);
    }

    public String band(double score) {
        return score < p.getBands().getAverageFrom() ? BAD : score >= p.getBands().getIdealFrom() ? IDEAL : AVERAGE;
    }

    private static double falling(double amount, double zero) {
        return zero <= 0 ? (amount > 0 ? 0 : 100) : clamp(100 * (1 - amount / zero));
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(100, v));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
