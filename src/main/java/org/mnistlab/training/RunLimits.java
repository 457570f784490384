package org.mnistlab.training;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many runs may wait or train at once, so one user (or a script) cannot fill the queue.
 *
 * @param runsPerUser queued plus running runs one user may have (admins and the command line are exempt)
 * @param runsTotal   queued plus running runs of everyone together
 */
@ConfigurationProperties("mnistlab.limits")
public record RunLimits(@DefaultValue("3") int runsPerUser, @DefaultValue("20") int runsTotal) {

    public static final RunLimits NONE = new RunLimits(Integer.MAX_VALUE, Integer.MAX_VALUE);
}
