package io.cemhub.sla;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** {@code cem.sla.*}: early warning and month end of the monthly SLA budgets (docs/experience.md). */
@ConfigurationProperties("cem.sla")
public class SlaProperties {

    /** Where the hub puts a breach's compensation credit (route sla-compensation reads it). */
    private String creditsQueue = "cem.sla.credits";
    /** Billing's queue for compensation credits (adapters/billing/credits.md). */
    private String billingQueue = "cem.billing.credits";
    private final Warning warning = new Warning();
    private final MonthEnd monthEnd = new MonthEnd();

    /** The early-warning pass over the running month. */
    public static class Warning {
        /** How often the pass runs (a clustered Quartz job: once per cluster). */
        private Duration check = Duration.ofMinutes(15);
        /** Hours with data before a projection counts (unless the whole budget is used already). */
        private int minHours = 24;
        /** Warn when the projected use exceeds this share of the budget (1: projected to breach). */
        private double threshold = 1.0;

        public Duration getCheck() { return check; }
        public void setCheck(Duration check) { this.check = check; }
        public int getMinHours() { return minHours; }
        public void setMinHours(int minHours) { this.minHours = minHours; }
        public double getThreshold() { return threshold; }
        public void setThreshold(double threshold) { this.threshold = threshold; }
    }

    /** The month-end pass: closes the previous month once. */
    public static class MonthEnd {
        /** How often the pass looks for a month to close. */
        private Duration check = Duration.ofHours(1);
        /** How long after a month ends it is closed (late measurements still count). */
        private Duration delay = Duration.ofHours(6);

        public Duration getCheck() { return check; }
        public void setCheck(Duration check) { this.check = check; }
        public Duration getDelay() { return delay; }
        public void setDelay(Duration delay) { this.delay = delay; }
    }

    public String getCreditsQueue() { return creditsQueue; }
    public void setCreditsQueue(String creditsQueue) { this.creditsQueue = creditsQueue; }
    public String getBillingQueue() { return billingQueue; }
    public void setBillingQueue(String billingQueue) { this.billingQueue = billingQueue; }
    public Warning getWarning() { return warning; }
    public MonthEnd getMonthEnd() { return monthEnd; }
}
