package io.cemhub.report;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The scheduled reports of one period (job data {@code period}), made by one instance of the cluster. The
 * period reported is the last one ended at the scheduled fire time: a run that fires late (the hub was down,
 * Quartz fires a missed run once at start) still reports the period it was meant for.
 */
@DisallowConcurrentExecution
public class ReportJob extends QuartzJobBean {

    private ReportService reports;
    private String period;

    @Autowired
    public void setReports(ReportService reports) {
        this.reports = reports;
    }

    /** From the job data map. */
    public void setPeriod(String period) {
        this.period = period;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        reports.generateScheduled(ReportPeriod.parse(period), context.getScheduledFireTime().toInstant());
    }
}
