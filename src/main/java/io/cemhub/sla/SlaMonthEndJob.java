package io.cemhub.sla;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;

import java.time.Clock;

/** Closes the previous month once it is cem.sla.month-end.delay old, by one instance of the cluster at a time. */
@DisallowConcurrentExecution
public class SlaMonthEndJob extends QuartzJobBean {

    private static final Logger LOG = LoggerFactory.getLogger(SlaMonthEndJob.class);

    private SlaMonthEnd monthEnd;
    private Clock clock;

    @Autowired
    public void setMonthEnd(SlaMonthEnd monthEnd) {
        this.monthEnd = monthEnd;
    }

    @Autowired
    public void setClock(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        SlaMonthEnd.Result result = monthEnd.closeDue(clock.instant());
        if (result != null) {
            LOG.info("SLA month {} closed: {} service KPIs, {} breaches, {} credited", result.month(), result.checked(),
                    result.breaches(), result.credited().size());
        }
    }
}
