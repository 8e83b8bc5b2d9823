package io.cemhub.sla;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;

import java.time.Clock;

/** The early-warning pass over the running month, by one instance of the cluster at a time. */
@DisallowConcurrentExecution
public class SlaWarningJob extends QuartzJobBean {

    private SlaBudgetWarnings warnings;
    private Clock clock;

    @Autowired
    public void setWarnings(SlaBudgetWarnings warnings) {
        this.warnings = warnings;
    }

    @Autowired
    public void setClock(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        warnings.run(clock.instant());
    }
}
