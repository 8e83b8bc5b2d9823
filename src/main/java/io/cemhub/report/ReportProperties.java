package io.cemhub.report;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** {@code cem.reports.*}: when the periodic reports are made and how long they are kept (docs/experience.md#reports). */
@ConfigurationProperties("cem.reports")
public class ReportProperties {

    /** Quartz cron expressions (UTC) of the scheduled runs; each reports the last period that had ended. */
    private final Schedule schedule = new Schedule();
    /** Reports of periods that began longer ago than this are deleted by the scheduled runs. */
    private Duration retention = Duration.ofDays(400);

    public static class Schedule {
        private String day = "0 15 0 * * ?";
        private String week = "0 30 0 ? * MON";
        private String month = "0 45 0 1 * ?";

        public String getDay() { return day; }
        public void setDay(String day) { this.day = day; }
        public String getWeek() { return week; }
        public void setWeek(String week) { this.week = week; }
        public String getMonth() { return month; }
        public void setMonth(String month) { this.month = month; }

        public String of(ReportPeriod period) {
            return switch (period) {
                case DAY -> day;
                case WEEK -> week;
                case MONTH -> month;
            };
        }
    }

    public Schedule getSchedule() { return schedule; }
    public Duration getRetention() { return retention; }
    public void setRetention(Duration retention) { this.retention = retention; }
}
