package io.cemhub.experience;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** The experience index of every customer, recomputed by one instance of the cluster at a time. */
@DisallowConcurrentExecution
public class ExperienceIndexJob extends QuartzJobBean {

    private static final Logger LOG = LoggerFactory.getLogger(ExperienceIndexJob.class);

    private ExperienceService experience;

    @Autowired
    public void setExperience(ExperienceService experience) {
        this.experience = experience;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        int changes = experience.recompute();
        if (changes > 0) {
            LOG.info("experience index recomputed: {} band change(s) announced", changes);
        }
    }
}
