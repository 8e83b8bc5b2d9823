package io.cemhub.report;

import io.cemhub.config.CoreConfiguration;
import io.cemhub.experience.ActivityStore;
import io.cemhub.experience.ExperienceProperties;
import io.cemhub.experience.ExperienceStore;
import io.cemhub.experience.RollupStore;
import io.cemhub.experience.SlaService;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.util.TimeZone;

/** Periodic reports (docs/experience.md#reports): builder, store, service and the clustered Quartz jobs. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportProperties.class)
public class ReportConfiguration {

    @Bean
    public ReportStore reportStore(JdbcTemplate jdbc) {
        return new ReportStore(jdbc);
    }

    @Bean
    public ReportService reportService(JdbcTemplate jdbc, RollupStore rollups, SlaService sla, ActivityStore activity,
                                       ReportStore store, ExperienceProperties experience, ReportProperties properties,
                                       CoreConfiguration.CanonicalJson json, Clock clock) {
        ReportBuilder builder = new ReportBuilder(jdbc, rollups, sla.contracts(), activity, new ExperienceStore(jdbc), store,
                experience, clock);
        return new ReportService(builder, store, properties, json.mapper(), clock);
    }

    @Bean
    public JobDetail dailyReportJob() {
        return job(ReportPeriod.DAY);
    }

    @Bean
    public JobDetail weeklyReportJob() {
        return job(ReportPeriod.WEEK);
    }

    @Bean
    public JobDetail monthlyReportJob() {
        return job(ReportPeriod.MONTH);
    }

    @Bean
    public Trigger dailyReportTrigger(JobDetail dailyReportJob, ReportProperties properties) {
        return trigger(dailyReportJob, ReportPeriod.DAY, properties);
    }

    @Bean
    public Trigger weeklyReportTrigger(JobDetail weeklyReportJob, ReportProperties properties) {
        return trigger(weeklyReportJob, ReportPeriod.WEEK, properties);
    }

    @Bean
    public Trigger monthlyReportTrigger(JobDetail monthlyReportJob, ReportProperties properties) {
        return trigger(monthlyReportJob, ReportPeriod.MONTH, properties);
    }

    /** Job and trigger names: {@code reports-day}, {@code reports-week}, {@code reports-month} in group {@code cem}. */
    public static String name(ReportPeriod period) {
        return "reports-" + period.key();
    }

    private static JobDetail job(ReportPeriod period) {
        return JobBuilder.newJob(ReportJob.class).withIdentity(name(period), "cem").usingJobData("period", period.key())
                .storeDurably().withDescription("the " + period.key() + " reports of every customer").build();
    }

    private static Trigger trigger(JobDetail job, ReportPeriod period, ReportProperties properties) {
        return TriggerBuilder.newTrigger().forJob(job).withIdentity(name(period), "cem")
                .withSchedule(CronScheduleBuilder.cronSchedule(properties.getSchedule().of(period))
                        .inTimeZone(TimeZone.getTimeZone("UTC")).withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}
