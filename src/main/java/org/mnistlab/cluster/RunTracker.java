package org.mnistlab.cluster;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import scala.Tuple4;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Follows the runs' Spark jobs on the driver's listener bus: which executor each run's task went to, and the
 * progress accumulators that arrive with executor heartbeats, handed to the run's {@link RunChannel}.
 */
final class RunTracker extends SparkListener {

    private static final String JOB_GROUP = "spark.jobGroup.id";
    private static final String GROUP_PREFIX = "mnistlab-run-";

    private final Map<Long, RunChannel> channelsByAccumulator = new ConcurrentHashMap<>();
    private final Map<Integer, Long> runsByStage = new ConcurrentHashMap<>();
    private final Map<Long, String> placements = new ConcurrentHashMap<>();

    static String jobGroup(long runId) {
        return GROUP_PREFIX + runId;
    }

    void follow(long accumulatorId, RunChannel channel) {
        channelsByAccumulator.put(accumulatorId, channel);
    }

    void forget(long runId, long accumulatorId) {
        channelsByAccumulator.remove(accumulatorId);
        placements.remove(runId);
        runsByStage.values().removeIf(id -> id == runId);
    }

    /** "Spark executor 1 on host", once the run's task started. */
    Optional<String> placement(long runId) {
        return Optional.ofNullable(placements.get(runId));
    }

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
        String group = jobStart.properties() == null ? null : jobStart.properties().getProperty(JOB_GROUP);
        if (group == null || !group.startsWith(GROUP_PREFIX)) {
            return;
        }
        long runId = Long.parseLong(group.substring(GROUP_PREFIX.length()));
        for (Object stageId : CollectionConverters.asJava(jobStart.stageIds())) {
            runsByStage.put((Integer) stageId, runId);
        }
    }

    @Override
    public void onTaskStart(SparkListenerTaskStart taskStart) {
        Long runId = runsByStage.get(taskStart.stageId());
        if (runId != null) {
            placements.put(runId, "Spark executor " + taskStart.taskInfo().executorId() + " on "
                    + taskStart.taskInfo().host());
        }
    }

    @Override
    public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
        for (Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>> task
                : CollectionConverters.asJava(update.accumUpdates())) {
            for (AccumulableInfo info : CollectionConverters.asJava(task._4())) {
                RunChannel channel = channelsByAccumulator.get(info.id());
                if (channel != null && info.update().isDefined()
                        && info.update().get() instanceof ProgressAccumulator.Snapshot snapshot) {
                    channel.deliver(snapshot);
                }
            }
        }
    }
}
