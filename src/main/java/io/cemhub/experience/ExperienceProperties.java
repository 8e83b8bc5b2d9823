package io.cemhub.experience;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** {@code cem.experience.*}: the experience index, SLA contracts, reports (docs/experience.md). */
@ConfigurationProperties("cem.experience")
public class ExperienceProperties {

    /** The SLA contracts, in cem.config-dir. */
    private String slaFile = "sla.yaml";
    /** The index looks back this far (SLA compliance, alarm minutes, tickets, payment trouble). */
    private Duration window = Duration.ofDays(7);
    /** How often the index of every customer is recomputed (a clustered Quartz job: once per cluster). */
    private Duration recompute = Duration.ofMinutes(1);
    /**
     * The most rollup buckets (service, metric, hour or day) whose last committed values the pipeline keeps, so
     * that folding new samples into them needs no read first (RollupCache); 0 keeps none. A few hundred bytes each.
     */
    private int rollupCache = 100_000;
    private final Weights weights = new Weights();
    private final Zero zero = new Zero();
    private final Bands bands = new Bands();

    /** How much each part counts; normalised by their sum. */
    public static class Weights {
        private double sla = 0.4;
        private double alarms = 0.3;
        private double tickets = 0.2;
        private double payments = 0.1;

        public double getSla() { return sla; }
        public void setSla(double sla) { this.sla = sla; }
        public double getAlarms() { return alarms; }
        public void setAlarms(double alarms) { this.alarms = alarms; }
        public double getTickets() { return tickets; }
        public void setTickets(double tickets) { this.tickets = tickets; }
        public double getPayments() { return payments; }
        public void setPayments(double payments) { this.payments = payments; }
    }

    /** Where a part's score reaches 0 (it falls linearly from 100 at none). */
    public static class Zero {
        private double alarmMinutes = 1440;
        private double tickets = 5;
        private double paymentTrouble = 3;

        public double getAlarmMinutes() { return alarmMinutes; }
        public void setAlarmMinutes(double alarmMinutes) { this.alarmMinutes = alarmMinutes; }
        public double getTickets() { return tickets; }
        public void setTickets(double tickets) { this.tickets = tickets; }
        public double getPaymentTrouble() { return paymentTrouble; }
        public void setPaymentTrouble(double paymentTrouble) { this.paymentTrouble = paymentTrouble; }
    }

    /** Band edges: below averageFrom is bad, from idealFrom on ideal. */
    public static class Bands {
        private double averageFrom = 50;
        private double idealFrom = 80;

        public double getAverageFrom() { return averageFrom; }
        public void setAverageFrom(double averageFrom) { this.averageFrom = averageFrom; }
        public double getIdealFrom() { return idealFrom; }
        public void setIdealFrom(double idealFrom) { this.idealFrom = idealFrom; }
    }

    public String getSlaFile() { return slaFile; }
    public void setSlaFile(String slaFile) { this.slaFile = slaFile; }
    public Duration getWindow() { return window; }
    public void setWindow(Duration window) { this.window = window; }
    public Duration getRecompute() { return recompute; }
    public void setRecompute(Duration recompute) { this.recompute = recompute; }
    public int getRollupCache() { return rollupCache; }
    public void setRollupCache(int rollupCache) { this.rollupCache = rollupCache; }
    public Weights getWeights() { return weights; }
    public Zero getZero() { return zero; }
    public Bands getBands() { return bands; }
}
